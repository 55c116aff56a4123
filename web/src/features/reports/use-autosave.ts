import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Report, type ReportFigures, type ReportTexts } from '../../../../contracts/reports.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { describeError } from '../../lib/notify.ts';
import { reportKeys } from './reports.api.ts';

/** What the editor holds: the content and the version it was loaded or last saved at. */
export interface ReportContent {
  texts: ReportTexts;
  figures: ReportFigures;
}
export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

const DELAY_MS = 1200;
const draftKey = (id: string) => `tdkt.report-draft.${id}`;

/** The draft kept in this browser (survives a closed tab), if any. */
function readDraft(id: string): (ReportContent & { version: number }) | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    return raw ? (JSON.parse(raw) as ReportContent & { version: number }) : null;
  } catch {
    return null;
  }
}

/**
 * Autosave of a report: every change is kept in localStorage at once (nothing lost on a closed tab)
 * and PUT to the server after a pause, with the version it was loaded at. A 409 stops saving and
 * says so; the local draft stays until the user reloads. A draft left from a closed tab at the
 * server's version is restored and saved.
 */
export function useAutosave(report: Report | undefined) {
  const queryClient = useQueryClient();
  const [content, setContent] = useState<ReportContent | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const version = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = report?.id;

  useEffect(() => {
    if (!report || content) return;
    version.current = report.version;
    const draft = readDraft(report.id);
    if (draft && draft.version === report.version && report.actions.includes('edit')) {
      setContent({ texts: draft.texts, figures: draft.figures });
      setRestored(true);
      setState('pending');
    } else {
      if (draft) localStorage.removeItem(draftKey(report.id));
      setContent({ texts: report.texts, figures: report.figures });
    }
  }, [report, content]);

  const save = useCallback(
    async (next: ReportContent) => {
      if (!id) return;
      setState('saving');
      try {
        const saved = await api.put(
          `/api/reports/${id}`,
          { version: version.current, ...next },
          { schema: Report },
        );
        version.current = saved.version;
        localStorage.removeItem(draftKey(id));
        queryClient.setQueryData(reportKeys.report(id), saved);
        setState('saved');
        setMessage(null);
      } catch (error) {
        if (isApiError(error, 'VERSION_CONFLICT')) {
          setState('conflict');
          setMessage(
            `${describeError(error)} Nội dung bạn vừa nhập vẫn được giữ trên máy này; bấm "Tải lại" để xem bản mới.`,
          );
        } else {
          setState('error');
          setMessage(describeError(error));
        }
      }
    },
    [id, queryClient],
  );

  useEffect(() => {
    if (state !== 'pending' || !content) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(content), DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [state, content, save]);

  const change = (next: ReportContent) => {
    setContent(next);
    if (id) localStorage.setItem(draftKey(id), JSON.stringify({ ...next, version: version.current }));
    if (state !== 'conflict') setState('pending');
  };
  /** Drops the local content and loads the server's. */
  const reload = async () => {
    if (!id) return;
    localStorage.removeItem(draftKey(id));
    const fresh = await queryClient.fetchQuery({
      queryKey: reportKeys.report(id),
      queryFn: () => api.get(`/api/reports/${id}`, { schema: Report }),
    });
    version.current = fresh.version;
    setContent({ texts: fresh.texts, figures: fresh.figures });
    setState('saved');
    setMessage(null);
  };
  /** Saves now (before a move such as approve), resolving once saved with the version the move carries. */
  const flush = async () => {
    if (state === 'pending' && content) await save(content);
    return version.current;
  };
  /** After a move the server's version changed: follow it. */
  const follow = (next: Report) => {
    version.current = next.version;
    setContent({ texts: next.texts, figures: next.figures });
    setState('saved');
  };
  return { content, state, message, restored, change, reload, flush, follow };
}
