import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../src/io/downloadFile';

interface FakeAnchor {
  href: string;
  download: string;
  rel: string;
  style: Record<string, string>;
  click: () => void;
  remove: () => void;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadBlob', () => {
  it('clicks a download link for the blob and revokes its URL only later', () => {
    vi.useFakeTimers();
    const events: string[] = [];
    const anchor: FakeAnchor = {
      href: '',
      download: '',
      rel: '',
      style: {},
      click: () => events.push(`click ${anchor.href} as ${anchor.download}`),
      remove: () => events.push('remove'),
    };
    vi.stubGlobal('document', {
      createElement: (tag: string) => (tag === 'a' ? anchor : null),
      body: { appendChild: () => events.push('append') },
    });
    const blob = new Blob(['{}']);
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => events.push('revoke'));

    downloadBlob(blob, 'My diagram.archflow.json');

    expect(create).toHaveBeenCalledWith(blob);
    expect(events).toEqual(['append', 'click blob:fake/1 as My diagram.archflow.json', 'remove']);
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:fake/1');
  });
});
