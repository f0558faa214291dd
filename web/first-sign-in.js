// Draws the sign-in form before the app's scripts have run: on a phone four times slower than a desk's, React,
// the router and i18next take most of a second before they draw it. index.html holds the form's markup in a
// <template> (the same as LoginPage draws, test/first-sign-in.test.ts holds them together); this script shows it
// at the sign-in address, and at "/" (which opens the sign-in page without a session), when no session is expected:
// the app leaves a cookie beside its session (features/auth/signedInHint.ts), gone with it when the person signs out
// or the browser drops its cookies. Only in Vietnamese, the template's language: a browser that chose English waits
// for the app. What the person types, where the caret is, the password shown or hidden, a language chosen and a
// form sent are kept in the form; LoginPage takes them over (features/auth/firstSignIn.ts) and this form goes.
//
// A classic script, not a module: it runs as soon as it is parsed, before the deferred module scripts. Hand-written
// and tiny (vite.config.ts copies it into assets/ under a hashed name), as the service worker is.
(function () {
  'use strict';
  var LOGIN_PATH = '/dang-nhap';
  var template = document.getElementById('first-sign-in');
  var root = document.getElementById('root');
  if (!template || !root || !('content' in template)) return;

  var path = location.pathname;
  if (path !== '/' && path !== LOGIN_PATH) return;
  if (/(?:^|;\s*)khoi_signed_in=1(?:;|$)/.test(document.cookie)) return;
  try {
    var locale = localStorage.getItem('khoi.locale');
    if (locale && locale !== 'vi') return;
  } catch {
    // Storage unavailable: the app falls back to Vietnamese too.
  }

  var page = document.createElement('div');
  page.id = 'first-sign-in-page';
  page.appendChild(template.content.cloneNode(true));
  root.parentNode.insertBefore(page, root);
  // "/" without a session is the sign-in page: the address the app would change it to (session.ts signInPathFor).
  if (path === '/') history.replaceState(history.state, '', LOGIN_PATH + location.search + location.hash);

  var form = page.querySelector('form');
  var password = page.querySelector('#password');
  var eye = page.querySelector('.login-eye');
  eye.addEventListener('mousedown', function (event) {
    // Keeps the focus (and the caret) in the input, as LoginControls does.
    event.preventDefault();
  });
  eye.addEventListener('click', function () {
    var shown = password.type === 'password';
    password.type = shown ? 'text' : 'password';
    eye.setAttribute('aria-pressed', String(shown));
  });
  var languages = page.querySelectorAll('.lang-switch-button');
  for (var i = 0; i < languages.length; i++) {
    languages[i].addEventListener('click', function (event) {
      for (var j = 0; j < languages.length; j++) {
        var chosen = languages[j] === event.currentTarget;
        languages[j].setAttribute('aria-pressed', String(chosen));
        languages[j].className = chosen ? 'lang-switch-button lang-switch-current' : 'lang-switch-button';
      }
    });
  }
  // Never sent by the browser itself (it would put the password in the address): the app sends it on taking over.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    form.setAttribute('data-sent', '');
  });
})();
