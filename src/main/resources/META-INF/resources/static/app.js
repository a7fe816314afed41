// SiteReady's only script: behaviour lives here and in declarative hx-* attributes, because the
// Content-Security-Policy allows no inline script. Every core action also works without JavaScript.
(function () {
  'use strict';

  // What a page shows in answer to a form (a link shown once, why a change was refused) takes the focus, which also
  // scrolls it into view when the address's #fragment did not: <p tabindex="-1" data-focus-on-load>.
  var answer = document.querySelector('[data-focus-on-load]');
  if (answer) { answer.focus(); }

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

  // A file picked for a text box is read by the browser into the box:
  // <div data-file-pick hidden><input type="file" data-fill="#box" data-max-bytes="..."><p data-fill-error hidden></p></div>.
  // Only the text is posted, never the file, so sample messages never land in the server's upload folder.
  document.querySelectorAll('[data-file-pick]').forEach(function (pick) { pick.hidden = false; });
  document.addEventListener('change', function (event) {
    var input = event.target.closest('[data-fill]');
    if (!input || !input.files || !input.files.length) { return; }
    var file = input.files[0];
    var box = document.querySelector(input.getAttribute('data-fill'));
    var pick = input.closest('[data-file-pick]');
    var error = pick ? pick.querySelector('[data-fill-error]') : null;
    var max = parseInt(input.getAttribute('data-max-bytes') || '0', 10);
    if (max && file.size > max) {
      if (error) {
        error.textContent = 'That file is ' + (file.size / 1048576).toFixed(1) + ' MB; up to ' +
          Math.round(max / 1048576) + ' MB can be profiled at a time. Split it into smaller files.';
        error.hidden = false;
      }
      input.value = '';
      return;
    }
    file.text().then(function (text) {
      if (box) { box.value = text; }
      if (error) { error.hidden = true; }
    });
  });

  // Text boxes with a size limit the server enforces too (<textarea data-max-bytes>): say so before sending, as a
  // body far above the limit is cut off by the server before SiteReady can answer with a message.
  document.addEventListener('submit', function (event) {
    var boxes = event.target.querySelectorAll('textarea[data-max-bytes]');
    for (var i = 0; i < boxes.length; i++) {
      var max = parseInt(boxes[i].getAttribute('data-max-bytes'), 10);
      var size = new Blob([boxes[i].value]).size;
      if (size > max) {
        event.preventDefault();
        window.alert('That is ' + (size / 1048576).toFixed(1) + ' MB of text; up to ' + Math.round(max / 1048576) +
          ' MB can be profiled at a time. Split it into smaller batches.');
        return;
      }
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

// The keyboard focus stays where the user was when htmx swaps what they are in (an autosaved question card swapped
// while they tab on). htmx refocuses an element of the same id itself; for a control without one, the control at the
// same place in the swapped element gets the focus, so it never falls back to the page's body.
(function () {
  var CONTROLS = 'input:not([type=hidden]), select, textarea, button, a[href], summary, [tabindex]';
  var focused = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    var active = document.activeElement;
    focused = null;
    if (target && target.id && active && active !== document.body && target.contains(active)) {
      focused = { target: target.id, index: Array.prototype.indexOf.call(target.querySelectorAll(CONTROLS), active) };
    }
  });
  document.addEventListener('htmx:afterSwap', function () {
    var was = focused;
    focused = null;
    if (!was || was.index < 0 || (document.activeElement && document.activeElement !== document.body)) { return; }
    var swapped = document.getElementById(was.target);
    var control = swapped ? swapped.querySelectorAll(CONTROLS)[was.index] : null;
    if (control) { control.focus({ preventScroll: true }); }
  });
})();
