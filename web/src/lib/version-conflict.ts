import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import type { VersionConflict } from '../../../contracts/common.ts';
import { isApiError } from './api-client.ts';

/** A form field compared with the fresh record after a version conflict. */
export interface ConflictField<Values> {
  name: keyof Values & string;
  label: string;
  /** How a value reads on screen (a kind by its Vietnamese label…); dates and yes/no are handled. */
  format?: (value: unknown) => string;
}

/**
 * One field the other person changed: `taken` when the user had not touched it (the form now shows
 * the fresh value), `both` when the user changed it too (their text stays; they may take the fresh one).
 */
export interface ConflictDifference {
  name: string;
  label: string;
  kind: 'taken' | 'both';
  typed: string;
  fresh: string;
}

/** A refused save: the server's Vietnamese message, who changed what, and whether the user reloaded. */
export interface VersionConflictState {
  message: string;
  conflict: VersionConflict;
  /** True once the user reloaded: the next save goes onto the fresh version, with what they typed. */
  isReloaded: boolean;
  differences: ConflictDifference[];
}

/** What an edit form needs to save safely against other people's changes. */
export interface VersionedEdit {
  /** The version to send with the next save. */
  version: number;
  state: VersionConflictState | null;
  /** True (and shows the conflict) when the error is a 409 VERSION_CONFLICT; false for any other error. */
  handleError: (error: unknown) => boolean;
  /** "Tải lại bản mới": adopt the fresh version, merge the other person's changes, keep the user's. */
  reload: () => void;
  /** Puts the fresh value of one field into the form. */
  takeFresh: (name: string) => void;
  /**
   * The user's own change elsewhere on the screen moved the record from one version to the next:
   * the form follows when it was at `from` (it holds nobody else's change).
   */
  advance: (from: number, to: number) => void;
}

const EMPTY = '(để trống)';

/** A value as a person reads it: dates dd/mm/yyyy, yes/no, lists separated by semicolons. */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (dayjs.isDayjs(value)) return value.format('DD/MM/YYYY');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return dayjs(value).format('DD/MM/YYYY');
  if (Array.isArray(value)) return value.length ? value.map(readableValue).join('; ') : EMPTY;
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((inner) => inner !== null && inner !== undefined && inner !== '')
      .map(readableValue)
      .join(' ');
  }
  return String(value).trim() || EMPTY;
}

/**
 * What reloading does to each compared field, from the values the form loaded, what is in it now
 * and the fresh record: a field only the other person changed takes the fresh value (`taken`); a
 * field both changed keeps the user's text, listed beside the fresh one (`both`); the rest stay.
 */
export function planReload<Values>(
  fields: ConflictField<Values>[],
  loaded: Partial<Values>,
  typed: Partial<Values>,
  fresh: Partial<Values>,
): ConflictDifference[] {
  return fields.flatMap((field) => {
    const show = field.format ?? readableValue;
    const was = show(loaded[field.name]);
    const now = show(typed[field.name]);
    const theirs = show(fresh[field.name]);
    if (now === theirs || was === theirs) return [];
    const kind: ConflictDifference['kind'] = now === was ? 'taken' : 'both';
    return [{ name: field.name, label: field.label, kind, typed: now, fresh: theirs }];
  });
}

/**
 * Optimistic locking in an edit form: sends the version the form loaded; on 409 VERSION_CONFLICT
 * keeps everything typed, shows the server's message and offers to reload ("Tải lại bản mới"), after
 * which the next save goes onto the fresh version: fields only the other person changed take the
 * fresh values, fields both changed keep the user's text with the fresh value beside it.
 * `loadedValues` are the form's values when it opened; `freshValues` turns the record in the
 * conflict reply into form values; `onReload` refreshes the screen behind the form (its queries).
 */
export function useVersionedEdit<Values>(options: {
  version: number;
  form?: FormInstance<Values>;
  fields?: ConflictField<Values>[];
  loadedValues?: Partial<Values>;
  freshValues?: (current: unknown) => Partial<Values> | null;
  onReload?: (conflict: VersionConflict) => void;
}): VersionedEdit {
  const { form, fields = [], freshValues, onReload } = options;
  const [version, setVersion] = useState(options.version);
  const [state, setState] = useState<VersionConflictState | null>(null);
  const [fresh, setFresh] = useState<Partial<Values> | null>(null);
  const [loaded, setLoaded] = useState<Partial<Values>>(() => options.loadedValues ?? {});

  const handleError = useCallback((error: unknown) => {
    if (!isApiError(error, 'VERSION_CONFLICT') || !error.conflict) return false;
    setState({ message: error.message, conflict: error.conflict, isReloaded: false, differences: [] });
    return true;
  }, []);

  const reload = () => {
    if (!state) return;
    const values = freshValues?.(state.conflict.current) ?? null;
    const typed = (form?.getFieldsValue(true) ?? {}) as Partial<Values>;
    const differences = values ? planReload(fields, loaded, typed, values) : [];
    for (const difference of differences) {
      if (difference.kind !== 'taken' || !values) continue;
      form?.setFieldValue(difference.name as never, values[difference.name as keyof Values] as never);
    }
    if (values) setLoaded(values);
    setFresh(values);
    setVersion(state.conflict.version);
    setState({ ...state, isReloaded: true, differences });
    onReload?.(state.conflict);
  };

  const takeFresh = (name: string) => {
    if (!fresh || !form || !state) return;
    form.setFieldValue(name as never, fresh[name as keyof Values] as never);
    setState({
      ...state,
      differences: state.differences.map((difference) =>
        difference.name === name ? { ...difference, kind: 'taken' } : difference,
      ),
    });
  };

  const advance = useCallback(
    (from: number, to: number) => setVersion((current) => (current === from ? to : current)),
    [],
  );

  return { version, state, handleError, reload, takeFresh, advance };
}
