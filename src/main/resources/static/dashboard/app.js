// filemail-batch dashboard: the only script, served from the jar (the Content-Security-Policy allows no other).
'use strict';

// Forms that change something ask first.
document.addEventListener('submit', (event) => {
  const question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// A running run's progress, updated in place every two seconds; the page reloads once the run has ended.
function timeLeft(seconds) {
  if (seconds === undefined) {
    return '—';
  }
  if (seconds < 60) {
    return seconds + ' s';
  }
  return Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s';
}

function showProgress(panel, progress) {
  const values = Object.assign({}, progress, { timeLeft: timeLeft(progress.secondsLeft) });
  panel.querySelectorAll('[data-field]').forEach((field) => {
    const value = values[field.getAttribute('data-field')];
    field.textContent = value === undefined ? '—' : String(value);
  });
  const status = document.getElementById('run-status');
  if (status) {
    status.textContent = progress.status;
  }
}

const panel = document.getElementById('progress');
if (panel) {
  const url = panel.getAttribute('data-progress-url');
  const poll = () => {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((progress) => {
        showProgress(panel, progress);
        if (progress.running) {
          window.setTimeout(poll, 2000);
        } else {
          window.location.reload();
        }
      })
      .catch(() => window.setTimeout(poll, 5000));
  };
  poll();
}
