import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is a const enum (not importable as a value here): 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export type PasswordHasher = {
  hash: (password: string) => Promise<string>;
  verify: (hashed: string, password: string) => Promise<boolean>;
};

/** argon2id. Production parameters follow OWASP's minimum (19 MiB, 2 passes); tests use cheap ones. */
export function argon2Hasher(profile: 'production' | 'test' = 'production'): PasswordHasher {
  const options =
    profile === 'test'
      ? { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1, parallelism: 1 }
      : { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, options),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
