// SiteReady's only script: behaviour lives here and in declarative hx-* attributes, because the
// Content-Security-Policy allows no inline script. Every core action also works without JavaScript.
(function () {
  'use strict';

  // Buttons that copy a value to the clipboard: <button data-copy="#element-id">.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) { return; }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = 'Copied';
    });
  });

  // Links that print the page: <a href="#" data-print>.
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
      event.preventDefault();
      window.print();
    }
  });

  // Forms that ask before a destructive action: <form data-confirm="Revoke this token?">.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();

// htmx swaps validation (400) and conflict (409) responses; any other failure shows the error page's
// heading and text in the alert region instead of silently doing nothing.
document.addEventListener('htmx:responseError', function (event) {
  var region = document.getElementById('request-error');
  if (!region) { return; }
  var xhr = event.detail.xhr;
  var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
  var title = doc.querySelector('main h1');
  var text = doc.querySelector('main h1 + p');
  region.textContent = (title ? title.textContent : 'Request failed (' + xhr.status + ')') +
    (text ? ': ' + text.textContent : '');
  region.hidden = false;
  region.focus();
});
document.addEventListener('htmx:sendError', function () {
  var region = document.getElementById('request-error');
  if (region) {
    region.textContent = 'SiteReady could not be reached. Check your connection and try again.';
    region.hidden = false;
  }
});
