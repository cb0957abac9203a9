/**
 * A live DOM subtree as a standalone SVG document: the subtree cloned as it is, wrapped in a
 * `<foreignObject>` together with the page's own style sheets.
 *
 * Why not html-to-image: it copies every computed property of every cloned element into an
 * inline style (hundreds of properties × ~20 elements per component), which took 24 s for a
 * 500-node diagram. Sending the style sheets along instead lets the browser style the copy
 * the way it styles the page, at the cost of one rule: everything the picture needs must come
 * from the style sheets, inline styles or the markup — no external fonts or images (an SVG
 * drawn as an image may not fetch anything). The app draws with system fonts and inline SVG.
 */
import { xmlSafeMarkup } from './xmlText';

export interface SnapshotOptions {
  /** The document's size in CSS pixels. */
  width: number;
  height: number;
  /** Replaces the element's own `transform` in the copy (e.g. to move the content into frame). */
  transform: string;
  /** A CSS colour, or 'transparent'. */
  background: string;
  /** A CSS selector for elements left out of the copy (their descendants go with them). */
  skip: string;
}

/**
 * Properties inherited from above the copied ancestors (`html`, `body`), which would otherwise
 * fall back to the SVG viewer's defaults (a serif font, black text).
 */
const INHERITED_FROM_PAGE = [
  'color',
  'color-scheme',
  'direction',
  'font-family',
  'font-feature-settings',
  'font-size',
  'font-style',
  'font-variant-numeric',
  'font-weight',
  'letter-spacing',
  'line-height',
  'text-rendering',
  '-webkit-font-smoothing',
];

/**
 * The copied element's ancestors are rebuilt as plain boxes that keep their classes and data
 * attributes (so selectors such as `.react-flow.dark .react-flow__node` or `[data-theme='dark']`
 * still match) but none of their page layout: without their siblings, the app's grid and flex
 * rules would move the copy out of the picture.
 */
const NEUTRAL_BOX =
  'display:block;position:static;margin:0;padding:0;border:0;width:auto;height:auto;min-width:0;min-height:0;' +
  'overflow:visible;transform:none;background:none;box-shadow:none;outline:none;filter:none;opacity:1;contain:none;';

export function snapshotElementAsSvg(element: HTMLElement, options: SnapshotOptions): string {
  const doc = element.ownerDocument;
  const copy = element.cloneNode(true) as HTMLElement;
  for (const skipped of Array.from(copy.querySelectorAll(options.skip))) skipped.remove();
  copy.style.transform = options.transform;

  let outermost: HTMLElement = copy;
  for (let ancestor = element.parentElement; ancestor && ancestor !== doc.body && ancestor !== doc.documentElement; ancestor = ancestor.parentElement) {
    const box = doc.createElement('div');
    for (const attribute of Array.from(ancestor.attributes)) {
      if (attribute.name === 'class' || attribute.name.startsWith('data-')) box.setAttribute(attribute.name, attribute.value);
    }
    box.style.cssText = NEUTRAL_BOX;
    box.appendChild(outermost);
    outermost = box;
  }

  const root = doc.createElement('div');
  for (const attribute of Array.from(doc.documentElement.attributes)) {
    if (attribute.name.startsWith('data-')) root.setAttribute(attribute.name, attribute.value);
  }
  // Through CSSOM: the page's Content-Security-Policy refuses `style` attributes set as markup.
  root.style.cssText = rootStyle(element, options);
  const style = doc.createElement('style');
  style.textContent = pageStyleSheets(doc);
  root.append(style, outermost);

  // XMLSerializer writes text as it is, so a label with a vertical tab or half an emoji would make
  // the document invalid XML, which no viewer opens and the PNG rasterizer cannot decode.
  const body = xmlSafeMarkup(new XMLSerializer().serializeToString(root));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" ` +
    `viewBox="0 0 ${options.width} ${options.height}">` +
    `<foreignObject x="0" y="0" width="100%" height="100%">${body}</foreignObject></svg>`
  );
}

function rootStyle(element: HTMLElement, options: SnapshotOptions): string {
  const view = element.ownerDocument.defaultView;
  const declarations = [
    'position:relative',
    `width:${options.width}px`,
    `height:${options.height}px`,
    'margin:0',
    'overflow:hidden',
    `background:${options.background}`,
  ];
  const computed = view?.getComputedStyle(element.parentElement ?? element);
  if (computed) {
    for (const name of INHERITED_FROM_PAGE) {
      const value = computed.getPropertyValue(name);
      if (value) declarations.push(`${name}:${value}`);
    }
    // The theme's custom properties, whichever element set them.
    for (let i = 0; i < computed.length; i++) {
      const name = computed.item(i);
      if (name.startsWith('--')) declarations.push(`${name}:${computed.getPropertyValue(name)}`);
    }
  }
  return declarations.join(';');
}

/** Every rule the page uses, as text. Sheets the page may not read (cross-origin) are skipped. */
function pageStyleSheets(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) parts.push(rule.cssText);
  }
  return parts.join('\n');
}
