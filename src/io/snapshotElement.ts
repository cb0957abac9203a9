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
  return createSnapshot(element, options).svg(element.cloneNode(true) as HTMLElement, 0, options.height);
}

/** The page-wide parts of a snapshot (style sheets, inherited properties, ancestors), then the copy inside them. */
export function createSnapshot(
  element: HTMLElement,
  options: SnapshotOptions,
  /** The style sheets as text; all of the page's when not given. */
  styleText?: string,
): { svg(copy: HTMLElement, top: number, height: number): string } {
  const doc = element.ownerDocument;
  const ancestors: HTMLElement[] = [];
  for (let ancestor = element.parentElement; ancestor && ancestor !== doc.body && ancestor !== doc.documentElement; ancestor = ancestor.parentElement) {
    ancestors.push(ancestor);
  }
  const styles = styleText ?? pageStyleSheets(doc);
  const inherited = inheritedStyle(element);
  return {
    /** `copy` (of `element`, or of part of it) as the rows `top` to `top + height` of the picture. */
    svg(copy, top, height) {
      for (const skipped of Array.from(copy.querySelectorAll(options.skip))) skipped.remove();
      copy.style.transform = top === 0 ? options.transform : `translate(0px, ${-top}px) ${options.transform}`;
      let outermost: HTMLElement = copy;
      for (const ancestor of ancestors) {
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
      root.style.cssText = [...frameStyle(options.width, height, options.background), ...inherited].join(';');
      const style = doc.createElement('style');
      style.textContent = styles;
      root.append(style, outermost);

      // XMLSerializer writes text as it is, so a label with a vertical tab or half an emoji would make
      // the document invalid XML, which no viewer opens and the PNG rasterizer cannot decode.
      const body = xmlSafeMarkup(new XMLSerializer().serializeToString(root));
      return (
        `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${height}" ` +
        `viewBox="0 0 ${options.width} ${height}">` +
        `<foreignObject x="0" y="0" width="100%" height="100%">${body}</foreignObject></svg>`
      );
    },
  };
}


function frameStyle(width: number, height: number, background: string): string[] {
  return ['position:relative', `width:${width}px`, `height:${height}px`, 'margin:0', 'overflow:hidden', `background:${background}`];
}

/** What the copy inherits from the page above it: fonts, colours and the theme's custom properties. */
function inheritedStyle(element: HTMLElement): string[] {
  const declarations: string[] = [];
  const computed = element.ownerDocument.defaultView?.getComputedStyle(element.parentElement ?? element);
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
  return declarations;
}

/** Every rule the page uses, as text. Sheets the page may not read (cross-origin) are skipped. */
function pageStyleSheets(doc: Document): string {
  return readableRules(doc)
    .flatMap((rules) => Array.from(rules, (rule) => rule.cssText))
    .join('\n');
}

/** Each style sheet's rules the page may read; cross-origin sheets are skipped. */
export function readableRules(doc: Document): CSSRuleList[] {
  const lists: CSSRuleList[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      lists.push(sheet.cssRules);
    } catch {
      // A cross-origin sheet: its rules are not the page's to read.
    }
  }
  return lists;
}
