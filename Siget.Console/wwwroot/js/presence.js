// The ticket page's heartbeat: while this browser is alive and connected, it tells the server every few seconds
// that the page is still open. A dead browser or a dropped network stops the beats, and the server drops the
// person's presence (TicketPresence) instead of waiting minutes for the circuit to expire.
window.sigetPresence = {
  start(page, everyMs) {
    return window.setInterval(() => page.invokeMethodAsync('StillHere').catch(() => { /* disconnected: no beat */ }), everyMs);
  },
  stop(id) { window.clearInterval(id); },
};
