import type { Locale } from '../../lib/i18n.ts';

/** The element web/first-sign-in.js puts the sign-in form in when it draws it before the app's scripts. */
export const FIRST_SIGN_IN_ID = 'first-sign-in-page';

/** What the person did with the form drawn before the app: LoginPage carries it over when it takes the form's place. */
export type FirstSignIn = {
  login: string;
  password: string;
  /** The control with the focus (a selector the app's form answers too), and an input's caret or selection. */
  focus: { selector: string; start: number | null; end: number | null } | null;
  passwordShown: boolean;
  /** The language button pressed. */
  locale: Locale;
  /** The form was sent (Enter, the button) before the app could send it. */
  sent: boolean;
};

/** The form's controls, by selectors that find the same control in the app's form. */
const FOCUSABLE = [
  '#login',
  '#password',
  '.login-eye',
  '.login-submit',
  '.lang-switch-button[lang="vi"]',
  '.lang-switch-button[lang="en"]',
];

/** The drawn form's element, while it is there. */
export function firstSignInElement(doc: Document = document): HTMLElement | null {
  return doc.getElementById(FIRST_SIGN_IN_ID);
}

/** Reads what the person did with the drawn form. */
export function readFirstSignIn(page: HTMLElement): FirstSignIn {
  const login = page.querySelector<HTMLInputElement>('#login');
  const password = page.querySelector<HTMLInputElement>('#password');
  const active = page.ownerDocument.activeElement;
  const selector = FOCUSABLE.find((s) => active !== null && page.querySelector(s) === active) ?? null;
  const pressed = page.querySelector('.lang-switch-button[aria-pressed="true"]')?.getAttribute('lang');
  return {
    login: login?.value ?? '',
    password: password?.value ?? '',
    focus: selector
      ? {
          selector,
          start: active instanceof HTMLInputElement ? active.selectionStart : null,
          end: active instanceof HTMLInputElement ? active.selectionEnd : null,
        }
      : null,
    passwordShown: password?.type === 'text',
    locale: pressed === 'en' ? 'en' : 'vi',
    sent: page.querySelector('form')?.hasAttribute('data-sent') ?? false,
  };
}

/** The cookie beside the session that tells web/first-sign-in.js a session is expected (the session cookie itself
 * is out of a script's reach). Only a hint: a session ended on the server leaves it, and then the page simply waits
 * for the app as it did before. Kept as long as a browser keeps a cookie (400 days). */
export const SIGNED_IN_HINT = 'khoi_signed_in';

/** The cookie string that sets or clears the hint. */
export function signedInHintCookie(signedIn: boolean, secure: boolean): string {
  const value = signedIn ? `${SIGNED_IN_HINT}=1; max-age=34560000` : `${SIGNED_IN_HINT}=; max-age=0`;
  return `${value}; path=/; samesite=lax${secure ? '; secure' : ''}`;
}

/** Whether the cookies hold the hint. */
export function hasSignedInHint(cookies: string): boolean {
  return cookies.split(';').some((c) => c.trim() === `${SIGNED_IN_HINT}=1`);
}

/** Sets the hint while a session exists, clears it otherwise; only when it changes. */
export function rememberSignedIn(signedIn: boolean): void {
  if (typeof document === 'undefined' || hasSignedInHint(document.cookie) === signedIn) return;
  document.cookie = signedInHintCookie(signedIn, location.protocol === 'https:');
}
