/**
 * One Idempotency-Key per submission of a write (docs/api.md, "Idempotency-Key"). A write is known by what it sends
 * (method, address, body, files' contents), and goes with the key it had before when it is:
 * - sent again while the first is on its way (a double click): it waits for the first's answer, sending nothing;
 * - sent again within a moment of the first's answer (a double click on a fast connection);
 * - retried after network trouble or a busy server (by TanStack Query, or by the person pressing Lưu again), for as
 *   long as the server keeps keys — the server answers with the first answer if the first did arrive; and so are the
 *   writes that led straight up to the failed one (the photos uploaded before a report), so that a retried
 *   submission uploads and reports once.
 * Anything else is a new submission with a new key, even with the same content (disable, enable, disable again).
 * Only a short hash of what was sent is kept, in this tab's memory.
 */
type Submission = {
  key: string;
  sending: Promise<unknown> | null;
  sentAt: number;
  settledAt: number;
  done: boolean;
  reusableUntil: number;
};

const submissions = new Map<string, Submission>();
/** After an answer, how long the same write counts as a double click rather than a new submission. */
const SAME_CLICK_MS = 2_000;
/** A failed write is retried with its key for less than the server keeps it (24 h). */
const RETRY_FOR_MS = 23 * 3_600_000;
/** Writes answered at most this long before the next was sent are steps of one submission. */
const STEP_GAP_MS = 1_000;
const MAX_KEPT = 200;

/** A random UUID (v4); crypto.randomUUID exists only on HTTPS, and Khối may be served over plain HTTP on a LAN. */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A 53-bit hash (cyrb53): enough to tell one submission from another, and it keeps no content. */
function hash(bytes: Uint8Array, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const text = (s: string) => new TextEncoder().encode(s);

async function submissionOf(method: string, url: string, body: unknown, form: FormData | undefined): Promise<string> {
  let parts = `${method} ${url}\n`;
  if (form) {
    for (const [name, value] of form.entries()) {
      parts +=
        typeof value === 'string'
          ? `${name}=${hash(text(value))}\n`
          : `${name}=${value.name}:${value.size}:${hash(new Uint8Array(await value.arrayBuffer()))}\n`;
    }
  } else {
    parts += JSON.stringify(body ?? null);
  }
  return hash(text(parts));
}

/** Whether a failed write may have been done or may be done on a second try: no answer, or a server that was busy. */
function retryable(error: unknown): boolean {
  const e = error as { status?: number; code?: string; name?: string };
  return (
    e.name === 'AbortError' ||
    e.status === 0 ||
    (e.status !== undefined && e.status >= 502) ||
    e.code === 'IDEMPOTENCY_IN_PROGRESS'
  );
}

function remember(id: string, s: Submission): void {
  submissions.delete(id);
  submissions.set(id, s);
  const now = Date.now();
  for (const [k, v] of submissions) {
    if (submissions.size <= MAX_KEPT && now - v.sentAt < RETRY_FOR_MS) break;
    if (!v.sending) submissions.delete(k);
  }
}

/** The writes answered just before `failed` was sent, and those just before them: earlier steps of its submission,
 * which a retry of it sends again. They keep their keys as long as it does. */
function keepEarlierSteps(failed: Submission): void {
  let from = failed.sentAt;
  for (let added = true; added;) {
    added = false;
    for (const s of submissions.values()) {
      if (s === failed || !s.done || s.reusableUntil >= failed.reusableUntil) continue;
      if (s.settledAt <= failed.sentAt && s.settledAt >= from - STEP_GAP_MS) {
        s.reusableUntil = failed.reusableUntil;
        from = Math.min(from, s.sentAt);
        added = true;
      }
    }
  }
}

/** Sends a write through `send` with its submission's key (see above). */
export async function asSubmission<T>(
  method: string,
  url: string,
  body: unknown,
  form: FormData | undefined,
  send: (key: string) => Promise<T>,
): Promise<T> {
  const id = await submissionOf(method, url, body, form);
  // From here to remember() nothing awaits: a second click cannot slip in between.
  const last = submissions.get(id);
  if (last?.sending) return last.sending as Promise<T>;
  const now = Date.now();
  const s: Submission = {
    key: last && now < last.reusableUntil ? last.key : newKey(),
    sending: null,
    sentAt: now,
    settledAt: 0,
    done: false,
    reusableUntil: 0,
  };
  const sending = send(s.key);
  s.sending = sending;
  remember(id, s);
  try {
    const answer = await sending;
    s.done = true;
    s.reusableUntil = Date.now() + SAME_CLICK_MS;
    return answer;
  } catch (error) {
    if (retryable(error)) {
      s.reusableUntil = s.sentAt + RETRY_FOR_MS;
      keepEarlierSteps(s);
    } else {
      s.reusableUntil = Date.now() + SAME_CLICK_MS;
    }
    throw error;
  } finally {
    s.sending = null;
    s.settledAt = Date.now();
  }
}

/** Retry policy for writes: each is sent with its submission's key, so one retried after network trouble or a busy
 * server is done at most once; a definite answer (4xx, an error of the server's own) is not retried. */
export function retryWrite(failureCount: number, error: unknown): boolean {
  return failureCount < 3 && retryable(error) && (error as { name?: string }).name !== 'AbortError';
}
