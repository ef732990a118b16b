// Small DOM helpers every page uses: element builder, tables, status lines, confirmation, copy.
import { ApiError } from './api/client';
import { PageContext } from './router';

type Child = Node | string | null | undefined | false;

/** Builds an element: h('a', { href: '#/fleets' }, 'Fleets'). Attributes starting with "on" are not supported. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean> = {},
                                                        ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/** The user-facing text of an error: the API's code and message, as the API said it. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message ? `${error.code}: ${error.message}` : error.code;
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A column of a table: its heading and the cell for a row (text, or a node such as a link or button). */
export interface Column<R> {
  heading: string;
  cell: (row: R) => Node | string;
}

/** A table with an id, a caption-like heading id, and one row per item. */
export function table<R>(id: string, labelledBy: string, columns: Column<R>[], rows: R[]): HTMLTableElement {
  return h('table', { id, 'aria-labelledby': labelledBy },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.heading)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row)))))));
}

/** A status line (role=status) whose text says how many rows were shown, or why none were. */
export function status(id: string, text: string): HTMLParagraphElement {
  return h('p', { id, class: 'status', role: 'status' }, text);
}

/** A link to another page of the console. */
export function link(route: string, text: string): HTMLAnchorElement {
  return h('a', { href: '#/' + route }, text);
}

/** A button that runs an action. */
export function button(id: string, text: string, action: () => void, kind: 'primary' | 'danger' = 'primary')
  : HTMLButtonElement {
  const element = h('button', { type: 'button', id, class: kind }, text);
  element.addEventListener('click', action);
  return element;
}

/**
 * Asks the user to confirm a destructive action in a modal dialog (keyboard: Enter confirms, Escape cancels).
 * Resolves true only when the user confirmed.
 */
export function confirmAction(message: string, confirmText = 'Delete'): Promise<boolean> {
  return new Promise((resolve) => {
    const confirmButton = h('button', { type: 'submit', id: 'confirm-yes', class: 'danger', value: 'yes' }, confirmText);
    const cancelButton = h('button', { type: 'submit', id: 'confirm-no', value: 'no', formnovalidate: true }, 'Cancel');
    const dialog = h('dialog', { id: 'confirm', 'aria-labelledby': 'confirm-message' },
      h('form', { method: 'dialog' },
        h('p', { id: 'confirm-message' }, message),
        h('div', { class: 'actions' }, cancelButton, confirmButton)));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    cancelButton.focus();
  });
}

/** A read-only text (a command, an endpoint) with a button that copies it to the clipboard. */
export function copyable(id: string, text: string): HTMLElement {
  const code = h('code', { id }, text);
  const copy = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy' }, 'Copy');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(() => { copy.textContent = 'Copied'; },
      () => { copy.textContent = 'Copy failed'; });
  });
  return h('div', { class: 'copyable' }, code, copy);
}

/** Seconds since the epoch (as the APIs send timestamps) as an ISO instant; '' when absent. */
export function instant(seconds: number | undefined): string {
  return seconds === undefined || seconds === null ? '' : new Date(seconds * 1000).toISOString();
}

/**
 * Runs a page's action: clears the error box, disables the control (if any) while it runs, and shows the API's error
 * plainly (scrolled into view) if it fails.
 */
export async function act(context: PageContext, control: HTMLButtonElement | null, action: () => Promise<void>)
  : Promise<void> {
  context.showError(null);
  if (control) control.disabled = true;
  try {
    await action();
  } catch (error) {
    context.showError(error);
    document.getElementById('error')?.scrollIntoView({ block: 'nearest' });
  } finally {
    if (control) control.disabled = false;
  }
}

/** Moves focus to the page heading (after an action re-rendered the page). */
export function focusHeading(): void {
  document.getElementById('view-title')?.focus();
}
