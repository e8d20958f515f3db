/**
 * The share buttons (src/components/ShareButton.astro): `navigator.share` when the browser has it, else the
 * link goes to the clipboard and the button says so. The words come from the element's data attributes, so
 * this script carries no dictionary.
 */
for (const box of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const button = box.querySelector('button');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  if (!button || !status) continue;
  const { url = location.href, title = document.title, labelShare = '', copied = '', failed = '' } = box.dataset;
  const canShare = typeof navigator.share === 'function';
  if (canShare) button.textContent = labelShare;
  box.hidden = false;
  button.addEventListener('click', async () => {
    status.textContent = '';
    if (canShare) {
      // A dismissed share sheet is not an error worth a message.
      await navigator.share({ title, url }).catch(() => undefined);
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = copied;
    } catch {
      status.textContent = `${failed}${url}`;
    }
  });
}
