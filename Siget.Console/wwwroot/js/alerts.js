// Optional alerts for new tickets in the queue: a short tone and a browser notification. The choice is kept
// in this browser only (localStorage); the notification permission is asked when the person turns it on.
window.sigetAlerts = {
  enabled: () => localStorage.getItem('siget-avisos') === '1',
  async setEnabled(on) {
    localStorage.setItem('siget-avisos', on ? '1' : '0');
    if (on && 'Notification' in window && Notification.permission === 'default') {
      try { await Notification.requestPermission(); } catch { /* the tone still works */ }
    }
    return on;
  },
  notify(title, body, url) {
    if (!window.sigetAlerts.enabled()) return;
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = 880; gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start(); tone.stop(audio.currentTime + 0.18);
    } catch { /* no audio device */ }
    if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
      const n = new Notification(title, { body, tag: url });
      n.onclick = () => { window.focus(); location.href = url; };
    }
  },
};
