import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagramFileName } from '../../src/io/fileName';

describe('diagramFileName', () => {
  it('keeps an ordinary title', () => {
    expect(diagramFileName('URL shortener', 'archflow.json')).toBe('URL shortener.archflow.json');
    expect(diagramFileName('Café – v2', 'png')).toBe('Café – v2.png');
    expect(diagramFileName('مرحبا 👩‍💻', 'svg')).toBe('مرحبا 👩‍💻.svg');
  });

  it('turns path separators and characters Windows forbids into dashes', () => {
    expect(diagramFileName('../../etc/passwd', 'png')).toBe('etc-passwd.png');
    expect(diagramFileName('a\\b:c*d?e"f<g>h|i', 'svg')).toBe('a-b-c-d-e-f-g-h-i.svg');
  });

  it('drops control and direction-override characters that could disguise the name', () => {
    expect(diagramFileName('invoice\u202Egnp.exe', 'png')).toBe('invoice gnp.exe.png');
    expect(diagramFileName('tab\tnew\nline\u0000nul', 'png')).toBe('tab new line nul.png');
  });

  it('falls back to "diagram" for an empty or meaningless title', () => {
    for (const title of ['', '   ', '...', '\u0000\u0007', '\u200B']) {
      expect(diagramFileName(title, 'archflow.json'), JSON.stringify(title)).toBe('diagram.archflow.json');
    }
  });

  it('never hides the file or ends the name with a dot', () => {
    expect(diagramFileName('.hidden', 'png')).toBe('hidden.png');
    expect(diagramFileName('name. . ', 'png')).toBe('name.png');
  });

  it('steers clear of names Windows reserves for devices', () => {
    expect(diagramFileName('CON', 'png')).toBe('CON diagram.png');
    expect(diagramFileName('nul.txt', 'png')).toBe('nul.txt diagram.png');
    expect(diagramFileName('lpt1', 'svg')).toBe('lpt1 diagram.svg');
    expect(diagramFileName('Console', 'svg')).toBe('Console.svg');
  });

  it('caps the length without splitting a character', () => {
    const name = diagramFileName('👩'.repeat(300), 'png');
    expect(Array.from(name.replace(/\.png$/, ''))).toHaveLength(100);
    expect(name.replace(/\.png$/, '')).toBe('👩'.repeat(100));
  });

  it('always gives a short, safe name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = diagramFileName(title, 'archflow.json');
        expect(name.endsWith('.archflow.json')).toBe(true);
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(name.startsWith('.')).toBe(false);
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
      }),
      { numRuns: 1000 },
    );
  });
});
