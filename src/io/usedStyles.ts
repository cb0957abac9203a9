/**
 * The page's style rules that style something in a copied element, as text: every band of a
 * banded export is an SVG document of its own that parses the style sheets again, and most of the
 * app's ~600 rules are for panels and dialogs, not for the canvas. Reading which rules match takes
 * a query per rule over the canvas, so it runs a slice at a time.
 */
import { yieldToMain } from './yieldToMain';

/** Pseudo-elements (`::before`, legacy `:after`) are not matched by `querySelector`: test their element. */
const PSEUDO_ELEMENT = /::?(?:before|after|first-line|first-letter|marker|placeholder|selection|backdrop|-webkit-[a-z-]+|-moz-[a-z-]+)\b/g;

export async function usedStyleText(element: HTMLElement, signal?: AbortSignal): Promise<string> {
  const doc = element.ownerDocument;
  const ancestors: Element[] = [];
  for (let a: Element | null = element; a && a !== doc.documentElement; a = a.parentElement) ancestors.push(a);
  const used = (selector: string): boolean => {
    const plain = selector.replace(PSEUDO_ELEMENT, '') || '*';
    try {
      return element.querySelector(plain) !== null || ancestors.some((a) => a.matches(plain));
    } catch {
      // A selector this browser's query engine refuses: keep the rule rather than guess.
      return true;
    }
  };
  const parts: string[] = [];
  let sliceStart = performance.now();
  for (const rules of readableRules(doc)) {
    for (const rule of Array.from(rules)) {
      // Grouping rules (@media, @supports, @layer), keyframes and font faces go whole.
      if (!(rule instanceof CSSStyleRule) || rule.cssRules.length > 0 || used(rule.selectorText)) parts.push(rule.cssText);
      if (performance.now() - sliceStart > 30) {
        await yieldToMain(signal);
        sliceStart = performance.now();
      }
    }
  }
  return parts.join('\n');
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
