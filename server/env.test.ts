import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseEnv } from './env.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(defaultDataDir());
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('stops naming each bad variable', () => {
    expect(() => parseEnv({ PORT: 'ba nghìn' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ KHOI_LOG_LEVEL: 'loud', KHOI_SESSION_DAYS: '0' })).toThrow(
      /KHOI_LOG_LEVEL[\s\S]*KHOI_SESSION_DAYS|KHOI_SESSION_DAYS[\s\S]*KHOI_LOG_LEVEL/,
    );
  });

  it('keeps the root default out of home folders the postgres user cannot enter', () => {
    if (process.getuid?.() === 0) expect(defaultDataDir()).toBe('/var/lib/khoi');
    else expect(defaultDataDir()).toMatch(/khoi$/);
  });
});
