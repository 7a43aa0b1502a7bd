// Keeps typed text within what its field accepts before Blazor sends it (see Components/Shared/InputLimits.cs).
// A browser already stops typing and pasting at maxlength; a script (or an extension) setting the value does not, and
// an input event too big for the circuit would be dropped, leaving the server with older text than the screen shows.
// So a value over the limit is cut here, in the capture phase (before Blazor reads it), and the person is told.
(() => {
  const textTypes = new Set(['text', 'search', 'email', 'tel', 'url', 'password']);
  let notice;

  function fallback() {
    return Number(document.body?.dataset.maxText) || 20000;
  }

  function fieldName(el) {
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const text = (label?.textContent || el.getAttribute('aria-label') || el.placeholder || '').trim();
    return text ? `«${text}»` : 'Este campo';
  }

  function tell(message) {
    if (!notice || !notice.isConnected) {
      notice = document.createElement('div');
      notice.className = 'text-limit-notice';
      notice.setAttribute('role', 'alert');
      document.body.appendChild(notice);
    }
    notice.textContent = message;
    notice.hidden = false;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(() => { notice.hidden = true; }, 10000);
  }

  function guard(event) {
    const el = event.target;
    const isText = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && textTypes.has(el.type));
    if (!isText) return;
    const limit = el.maxLength > 0 ? el.maxLength : fallback();
    if (el.value.length <= limit) return;
    let kept = el.value.slice(0, limit);
    if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // never half a character
    el.value = kept;
    el.dataset.cut = String(limit);
    tell(`${fieldName(el)} admite hasta ${limit.toLocaleString('es-PE')} caracteres: se quitó el texto que sobraba. Revíselo antes de enviar.`);
  }

  document.addEventListener('input', guard, true);
  document.addEventListener('change', guard, true);
})();
