// The architecture's arrows hold at any folder depth: ESLint, with the project's own config,
// refuses a wrong import from a file nested below its layer's folder and accepts a right one.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The boundary problems ESLint reports for `source` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const results = await eslint.lintText(source, { filePath });
  return results
    .flatMap((result) => result.messages)
    .filter((message) => message.ruleId?.startsWith('boundaries/'))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import boundaries at any depth', () => {
  it('refuses the store in a model file two folders deep', async () => {
    const errors = await boundaryErrors(
      'src/model/sub/x.ts',
      "import { createEditorStore } from '../../store/editorStore';\nexport const made = createEditorStore;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^boundaries\/dependencies: .*model/)]);
  });

  it('accepts the model importing itself from a subfolder', async () => {
    const errors = await boundaryErrors(
      'src/model/sub/x.ts',
      "import { LIMITS } from '../limits';\nexport const limits = LIMITS;\n",
    );
    expect(errors).toEqual([]);
  });

  it('refuses io in a view nested inside panels', async () => {
    const errors = await boundaryErrors(
      'src/panels/deep/ShareButton.tsx',
      "import { serializeShareLink } from '../../io/shareLink';\nexport const share = serializeShareLink;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('refuses layout in the canvas', async () => {
    const errors = await boundaryErrors(
      'src/canvas/deep/LayoutButton.tsx',
      "import { layoutDiagram } from '../../layout/layoutDiagram';\nexport const layout = layoutDiagram;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('accepts a nested view reading the store and the editor context', async () => {
    const errors = await boundaryErrors(
      'src/panels/deep/Count.tsx',
      "import { useEditor } from '../../bindings/editorContext';\nimport type { EditorStore } from '../../store/editorStore';\n" +
        'export const use = (pick: Parameters<EditorStore[\'subscribe\']>[0]) => useEditor(pick);\n',
    );
    expect(errors).toEqual([]);
  });

  it('refuses the app and the panels in the canvas, so App → panels → canvas stays one-way', async () => {
    const app = await boundaryErrors('src/canvas/X.tsx', "import { App } from '../app/App';\nexport const app = App;\n");
    const panels = await boundaryErrors('src/canvas/X.tsx', "import { TopBar } from '../panels/TopBar';\nexport const bar = TopBar;\n");
    expect(app).toHaveLength(1);
    expect(panels).toHaveLength(1);
  });

  it('refuses the app in the store, so wiring stays in src/app', async () => {
    const errors = await boundaryErrors('src/store/X.ts', "import { App } from '../app/App';\nexport const app = App;\n");
    expect(errors).toHaveLength(1);
  });

  it('lets the store name a browser service type but not call it', async () => {
    const typeOnly = await boundaryErrors(
      'src/store/deep/x.ts',
      "import type { TabSync } from '../../io/tabSync';\nexport type Sync = TabSync;\n",
    );
    const value = await boundaryErrors(
      'src/store/deep/x.ts',
      "import { createTabSync } from '../../io/tabSync';\nexport const sync = createTabSync;\n",
    );
    expect(typeOnly).toEqual([]);
    expect(value).toEqual([expect.stringMatching(/browser service/)]);
  });

  it('lets the CLI use io\'s pure parts but not its browser parts', async () => {
    const pure = await boundaryErrors(
      'src/cli/x.ts',
      "import { parseShareLink } from '../io/shareLink';\nexport const parse = parseShareLink;\n",
    );
    const browser = await boundaryErrors(
      'src/cli/x.ts',
      "import { openDiagramLibrary } from '../io/diagramLibrary';\nexport const open = openDiagramLibrary;\n",
    );
    expect(pure).toEqual([]);
    expect(browser).toEqual([expect.stringMatching(/CLI runs in Node/)]);
  });

  it('lets io and layout import the model only', async () => {
    const ioToStore = await boundaryErrors(
      'src/io/deep/x.ts',
      "import { createEditorStore } from '../../store/editorStore';\nexport const made = createEditorStore;\n",
    );
    const layoutToIo = await boundaryErrors(
      'src/layout/x.ts',
      "import { parseShareLink } from '../io/shareLink';\nexport const parse = parseShareLink;\n",
    );
    expect(ioToStore).toHaveLength(1);
    expect(layoutToIo).toHaveLength(1);
  });

  it('refuses a file in a folder of src/ that has no place in the architecture', async () => {
    const errors = await boundaryErrors('src/misc/x.ts', 'export const x = 1;\n');
    expect(errors).toEqual([expect.stringMatching(/^boundaries\/no-unknown-files/)]);
  });
});
