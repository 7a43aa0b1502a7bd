// SLA countdowns run in the browser: every element with data-sla-due (UTC ISO) is updated each second,
// amber from data-sla-warn (75 % of the target), red once due. No server round trip.
(() => {
  const format = ms => {
    const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60000));
    const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
    return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  };
  const tick = () => {
    const now = Date.now();
    for (const el of document.querySelectorAll('[data-sla-due]')) {
      const due = Date.parse(el.dataset.slaDue);
      const warn = el.dataset.slaWarn ? Date.parse(el.dataset.slaWarn) : due;
      const left = due - now;
      const state = left < 0 ? 'sla-breached' : now >= warn ? 'sla-risk' : 'sla-ok';
      const text = left < 0 ? `Vencido hace ${format(left)}` : `Vence en ${format(left)}`;
      if (el.textContent !== text) el.textContent = text;
      if (!el.classList.contains(state)) {
        el.classList.remove('sla-ok', 'sla-risk', 'sla-breached');
        el.classList.add(state);
      }
    }
  };
  let scheduled = false;
  const soon = () => { if (!scheduled) { scheduled = true; requestAnimationFrame(() => { scheduled = false; tick(); }); } };
  setInterval(tick, 1000);
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  tick();
})();
