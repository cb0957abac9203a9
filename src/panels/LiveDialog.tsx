/**
 * "Share live": starts a live room from the open diagram and gives its two links, edit and view
 * only, each with a copy button. In a room, it shows the links again and lets you leave. From a
 * practice session it gives an interviewer link and a candidate link instead of the plain edit
 * link, and lets the one who shared say which of the two they are.
 */
import { Check, Copy } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { LiveRole } from '../store/liveTypes';

function RoleChoice() {
  const store = useEditorStore();
  const role = useEditor((s) => s.live.role ?? 'candidate');
  const choose = (r: LiveRole) => store.getState().setLiveRole(r);
  return (
    <fieldset className="live-role">
      <legend>You are</legend>
      <label className="choice">
        <input type="radio" name="live-role" checked={role === 'candidate'} onChange={() => choose('candidate')} />
        the candidate <span className="live-link-hint">(no hints, follow-ups or reference on your screen)</span>
      </label>
      <label className="choice">
        <input type="radio" name="live-role" checked={role === 'interviewer'} onChange={() => choose('interviewer')} />
        the interviewer <span className="live-link-hint">(hints, follow-ups, drills, reference and your notes)</span>
      </label>
    </fieldset>
  );
}

function LinkRow({ label, hint, url }: { label: string; hint: string; url: string }) {
  const store = useEditorStore();
  const [copied, setCopied] = useState(false);
  const id = `live-link-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="live-link">
      <label htmlFor={id} className="live-link-label">
        {label}
        <span className="live-link-hint">{hint}</span>
      </label>
      <div className="live-link-row">
        <input id={id} className="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="copy-button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            void store
              .getState()
              .copyLiveLink(url)
              .then((ok) => setCopied(ok));
          }}
        >
          {copied ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
          <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
        </button>
      </div>
    </div>
  );
}

export function LiveDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const room = useEditor((s) => s.live.room);
  const readOnly = useEditor((s) => s.live.readOnly);
  const practising = useEditor((s) => s.meta.practice !== undefined && s.meta.practice.finishedAt === undefined);
  const roleLinks = practising ? room?.roleLinks : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const start = async () => {
    setStarting(true);
    const outcome = await store.getState().shareLive();
    setStarting(false);
    if (!outcome.ok) setProblem(outcome.message);
  };
  return (
    <dialog ref={dialog} className="dialog live-dialog" aria-labelledby="live-title" onClose={onClose} onCancel={onClose}>
      <h2 id="live-title">Share live</h2>
      {room ? (
        <>
          <p className="dialog-hint">
            Everyone with a link sees changes as they are made. Your copy stays in My diagrams, also after you leave.
          </p>
          {roleLinks ? (
            <>
              <LinkRow label="Interviewer link" hint="sees the hints, follow-ups, drills and reference" url={roleLinks.interviewer} />
              <LinkRow label="Candidate link" hint="shares the clock and the step, sees no hints" url={roleLinks.candidate} />
            </>
          ) : (
            room.editLink && <LinkRow label="Edit link" hint="can change the diagram" url={room.editLink} />
          )}
          <LinkRow label="View-only link" hint={practising ? 'watches, changes nothing, sees no hints' : 'sees everything, changes nothing'} url={room.viewLink} />
          {roleLinks && <RoleChoice />}
          {readOnly && <p className="dialog-hint">You joined with a view-only link.</p>}
        </>
      ) : (
        <>
          <p className="dialog-hint">
            Start a live room from “{store.getState().meta.title || 'Untitled diagram'}” and invite others with an edit link or a
            view-only link — an interviewer can watch, a reviewer can point.{practising ? ' A practice session gets an interviewer link and a candidate link: the clock and the step are shared, the hints and the reference stay on the interviewer’s screen.' : ''} The
            diagram goes to the sync server; the links hold keys nobody can guess.
          </p>
          {problem && <p className="warning-text">{problem}</p>}
        </>
      )}
      <div className="row end">
        {room ? (
          <button
            type="button"
            onClick={() => {
              store.getState().leaveLive();
              onClose();
            }}
          >
            Leave room
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void start()} disabled={starting}>
            Start live room
          </button>
        )}
        <button type="button" className={room ? 'primary' : ''} onClick={onClose}>
          {room ? 'Done' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
