import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isNumeric, parseFieldText, toFieldText } from './numberText.ts';
import { saveValues, submissionKey, type FormIndicator, type Submission, type ValueInput } from './reporting.api.ts';

/** How long typing must pause before the draft is saved by itself. */
export const AUTOSAVE_MS = 1500;

export const fieldKey = (indicatorId: string, category: string) => `${indicatorId}|${category}`;

/** The sum of the organisations' parts of an indicator, or null when none is filled in. */
export function sumOfParts(parts: (number | null | undefined)[]): number | null {
  const filled = parts.filter((n): n is number => typeof n === 'number');
  return filled.length === 0 ? null : filled.reduce((a, b) => a + b, 0);
}

/** A field's text as the form shows it: numbers as typed, yes/no as '1'/'0', '' for nothing. A whole that is the sum
 * of its parts is left empty, so that it keeps following the parts (the server adds them up when it is not sent). */
function initialText(s: Submission): Map<string, string> {
  const types = new Map(s.formVersion.indicators.map((i) => [i.indicatorId, i.valueType]));
  const parts = new Map<string, number[]>();
  for (const v of s.values)
    if (v.category !== '' && v.value !== null) parts.set(v.indicatorId, [...(parts.get(v.indicatorId) ?? []), v.value]);
  const out = new Map<string, string>();
  for (const v of s.values) {
    const type = types.get(v.indicatorId);
    if (!type) continue;
    const sum = v.category === '' ? sumOfParts(parts.get(v.indicatorId) ?? []) : null;
    if (sum !== null && v.value !== null && Math.abs(v.value - sum) < 1e-9) continue;
    let text = '';
    if (type === 'text') text = v.text ?? '';
    else if (type === 'boolean') text = v.value === null ? '' : v.value ? '1' : '0';
    else text = toFieldText(v.value, type);
    out.set(fieldKey(v.indicatorId, v.category), text);
  }
  return out;
}

export type Draft = {
  text: (indicatorId: string, category: string) => string;
  set: (indicatorId: string, category: string, text: string) => void;
  narrative: Record<string, string>;
  setNarrative: (key: string, text: string) => void;
  /** Fields whose text is not a number of their type (not sent; submitting waits until they are fixed). */
  invalid: Set<string>;
  dirty: boolean;
  saving: boolean;
  savedAt: Date | null;
  error: unknown;
  /** Saves now (a no-op when nothing changed); resolves with the saved submission, or rejects. */
  save: () => Promise<Submission | null>;
};

/**
 * The entry form's state: what has been typed, per indicator and category, saved as a draft after a pause in the
 * typing (and on Ctrl+S or "Lưu nháp"), one save at a time; what is typed during a save is saved after it.
 */
export function useEntryDraft(s: Submission, indicators: FormIndicator[], categories: string[][]): Draft {
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState(() => initialText(s));
  const [narrative, setNarrativeState] = useState<Record<string, string>>(() => ({ ...s.narrative }));
  const [changes, setChanges] = useState(0);
  const [savedChanges, setSavedChanges] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What the save sends: the latest typing and the version of the last answer (read by saves already waiting).
  const latest = useRef({ texts, narrative, changes, version: s.version });
  useEffect(() => {
    latest.current = {
      texts,
      narrative,
      changes,
      version: Math.max(latest.current.version, s.version),
    };
  });
  const inFlight = useRef<Promise<Submission | null> | null>(null);
  const savedRef = useRef(0);

  const invalid = useMemo(() => {
    const out = new Set<string>();
    indicators.forEach((ind, i) => {
      if (!isNumeric(ind.valueType)) return;
      for (const c of categories[i] ?? ['']) {
        const key = fieldKey(ind.indicatorId, c);
        if (parseFieldText(texts.get(key) ?? '', ind.valueType) === undefined) out.add(key);
      }
    });
    return out;
  }, [texts, indicators, categories]);

  const payload = useCallback((): ValueInput[] => {
    const values: ValueInput[] = [];
    indicators.forEach((ind, i) => {
      for (const category of categories[i] ?? ['']) {
        const text = latest.current.texts.get(fieldKey(ind.indicatorId, category)) ?? '';
        if (ind.valueType === 'text') values.push({ indicatorId: ind.indicatorId, category, text: text || null });
        else if (ind.valueType === 'boolean')
          values.push({ indicatorId: ind.indicatorId, category, value: text === '' ? null : Number(text) });
        else {
          const value = parseFieldText(text, ind.valueType);
          // An empty whole of a breakdown is not sent: the server then stores the sum of the parts.
          const filledBySum = value === null && category === '' && (categories[i]?.length ?? 0) > 1;
          if (value !== undefined && !filledBySum) values.push({ indicatorId: ind.indicatorId, category, value });
        }
      }
    });
    return values;
  }, [indicators, categories]);

  const save = useCallback(async (): Promise<Submission | null> => {
    // One save at a time: a second waits for the first, then sends what changed since.
    while (inFlight.current) await inFlight.current.catch(() => null);
    const at = latest.current.changes;
    if (at === savedRef.current) return null;
    const run = (async () => {
      setSaving(true);
      try {
        const saved = await saveValues(s.id, {
          version: latest.current.version,
          values: payload(),
          narrative: latest.current.narrative,
        });
        latest.current.version = saved.version;
        savedRef.current = at;
        setSavedChanges(at);
        setSavedAt(new Date());
        setError(null);
        queryClient.setQueryData(submissionKey(s.id), saved);
        return saved;
      } catch (err) {
        setError(err);
        throw err;
      } finally {
        setSaving(false);
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [s.id, payload, queryClient]);

  // Autosave once the typing pauses; not again after a failed save until something changes.
  useEffect(() => {
    if (changes === savedChanges) return;
    const timer = window.setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [changes, savedChanges, save]);

  return {
    text: (indicatorId, category) => texts.get(fieldKey(indicatorId, category)) ?? '',
    set: (indicatorId, category, text) => {
      setTexts((prev) => new Map(prev).set(fieldKey(indicatorId, category), text));
      setChanges((n) => n + 1);
    },
    narrative,
    setNarrative: (key, text) => {
      setNarrativeState((prev) => ({ ...prev, [key]: text }));
      setChanges((n) => n + 1);
    },
    invalid,
    dirty: changes !== savedChanges,
    saving,
    savedAt,
    error,
    save,
  };
}
