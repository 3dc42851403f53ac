/** A modal confirmation built on <dialog>: focus is trapped by the browser, Escape cancels. */
import { h } from './dom';

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  testId?: string;
  danger?: boolean;
}

export function confirmDialog(opts: ConfirmOptions): Promise<boolean> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    let result = false;
    const titleId = `dlg-title-${Date.now().toString(36)}`;
    const textId = `${titleId}-text`;
    const cancel = h('button', { class: 'btn', attrs: { type: 'button', 'data-testid': 'dialog-cancel' }, text: opts.cancel });
    const confirm = h('button', {
      class: opts.danger ? 'btn btn-danger' : 'btn btn-primary',
      attrs: { type: 'button', 'data-testid': 'dialog-confirm' },
      text: opts.confirm,
    });
    const dialog = h(
      'dialog',
      { class: 'dialog', attrs: { 'aria-labelledby': titleId, 'aria-describedby': textId, 'data-testid': opts.testId ?? 'dialog' } },
      h('h2', { id: titleId, text: opts.title }),
      h('p', { id: textId, class: 'dialog-text', text: opts.text }),
      h('div', { class: 'actions' }, cancel, confirm),
    );
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      result = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(result);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    // The safe choice gets focus first.
    cancel.focus();
  });
}
