import { useEffect, useState } from 'react';

/** Seconds left of a wait that started with `seconds` (0 when none); restarts whenever `startedAt` changes. */
export function useCountdown(seconds: number, startedAt: number): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds <= 0) return;
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [seconds, startedAt]);
  return left;
}
