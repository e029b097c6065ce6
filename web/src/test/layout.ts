/**
 * jsdom has no layout, so a virtualized list would render no rows. Tests that render one call
 * this to give every element a viewport-sized client box.
 */
export function fakeLayout(width = 1200, height = 800): () => void {
  const width$ = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth");
  const height$ = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => height });
  return () => {
    if (width$) {
      Object.defineProperty(HTMLElement.prototype, "clientWidth", width$);
    }
    if (height$) {
      Object.defineProperty(HTMLElement.prototype, "clientHeight", height$);
    }
  };
}
