import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { hasSignedInHint, SIGNED_IN_HINT, signedInHintCookie } from '../web/features/auth/firstSignIn.ts';

/** The markup as the browser reads it: tags and their attributes (names in any case, in any order, `a=""` as `a`),
 * texts, without the whitespace index.html's layout puts inside tags. */
function canonical(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*?)\/?>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (m[4].trim()) out.push(`text ${m[4].trim()}`);
      continue;
    }
    const attrs = [...m[3]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)]
      .map((a) => `${a[1]!.toLowerCase()}=${a[2] ?? ''}`)
      .sort();
    out.push(`${m[1]}${m[2]!.toLowerCase()} ${attrs.join(' ')}`);
  }
  return out;
}

describe('the sign-in form index.html draws before the scripts', () => {
  it('is the form LoginPage draws, to the attribute', async () => {
    // What the app's modules need of a browser when they load: the page's language, no drawn form.
    vi.stubGlobal('document', { documentElement: {}, getElementById: () => null });
    try {
      const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query');
      const { MemoryRouter } = await import('react-router-dom');
      const { LoginPage, SETUP_STATUS_KEY } = await import('../web/features/auth/LoginPage.tsx');
      const { SESSION_KEY } = await import('../web/features/auth/session.ts');
      const queryClient = new QueryClient();
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
      const app = renderToStaticMarkup(
        createElement(
          QueryClientProvider,
          { client: queryClient },
          createElement(MemoryRouter, { initialEntries: ['/dang-nhap'] }, createElement(LoginPage)),
        ),
      );
      const index = fs.readFileSync(path.resolve('web/index.html'), 'utf8');
      const drawn = /<template id="first-sign-in"\s*>([\s\S]*)<\/template\s*>/.exec(index)?.[1];
      expect(drawn, 'index.html holds the form in its template').toBeDefined();
      expect(canonical(drawn!)).toEqual(canonical(app));
      expect(app).toContain('Tên đăng nhập, số điện thoại hoặc email');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is shown only without the cookie the app leaves beside a session', () => {
    const set = signedInHintCookie(true, false);
    expect(set).toMatch(new RegExp(`^${SIGNED_IN_HINT}=1; max-age=\\d+; path=/; samesite=lax$`));
    expect(signedInHintCookie(true, true)).toMatch(/; secure$/);
    expect(signedInHintCookie(false, false)).toMatch(new RegExp(`^${SIGNED_IN_HINT}=; max-age=0;`));

    const pair = set.split(';')[0]!;
    expect(hasSignedInHint(pair)).toBe(true);
    expect(hasSignedInHint(`khoi.locale=vi; ${pair}; other=2`)).toBe(true);
    expect(hasSignedInHint('')).toBe(false);
    expect(hasSignedInHint(`${SIGNED_IN_HINT}=`)).toBe(false);
    expect(hasSignedInHint(`not_${pair}`)).toBe(false);

    // web/first-sign-in.js, a classic script without imports, reads the same cookie.
    const script = fs.readFileSync(path.resolve('web/first-sign-in.js'), 'utf8');
    const test = /\/(\(\?:\^\|;\\s\*\)[^/]+)\/\.test\(document\.cookie\)/.exec(script)?.[1];
    expect(test, 'first-sign-in.js tests document.cookie').toBeDefined();
    const scriptSees = (cookies: string) => new RegExp(test!).test(cookies);
    for (const cookies of [pair, `a=1; ${pair}`, '', `${SIGNED_IN_HINT}=`, `not_${pair}`, `${pair}0`])
      expect(scriptSees(cookies), cookies).toBe(hasSignedInHint(cookies));
  });
});
