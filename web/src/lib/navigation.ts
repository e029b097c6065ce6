/**
 * A full page load, for paths the router does not own (the API serves /playground). Its own
 * module so tests can replace it: jsdom cannot navigate.
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}
