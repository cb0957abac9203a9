/**
 * Interview practice (issue 14): starting a session on a shipped problem, the clock and steps
 * (kept in the document's meta as `practice`, changed without undo steps so undo never rewinds the
 * clock, and autosaved with the diagram), hints, finishing with a review, the reference design,
 * templates and the review's Markdown export. The rules are in src/model/practice; this wires them.
 */
import type { StateCreator } from 'zustand';
import type { Diagram, Flow } from '../model/diagram';
import { emptyDiagram } from '../model/diagram';
import { summarizeAttempt } from '../model/practice/attemptHistory';
import type { AttemptSummary } from '../model/practice/attemptHistory';
import {
  finishSession, newSession, pauseSession, resumeSession, setStepNotes, switchStep,
} from '../model/practice/practiceClock';
import { loadShippedProblem, loadTemplate } from '../model/practice/problemLibrary';
import type { Problem } from '../model/practice/problemRecord';
import { formatReviewMarkdown } from '../model/practice/review/formatReviewMarkdown';
import { reviewAttempt } from '../model/practice/review/reviewAttempt';
import type { Review, ReviewTarget } from '../model/practice/review/reviewTypes';
import type { PracticeSession, PracticeStepId } from '../model/records/practiceSession';
import { diffOf } from '../model/recordsDiff';
import { fileNameFor } from './practiceFileName';
import type { EditorState } from './editorState';
import type { EditorServices } from './services';
import type { WorkspaceServices } from './workspaceTypes';

export interface PracticeStart {
  problemId: string;
  flow: Flow;
  lengthMinutes: number;
}

export interface PracticeSlice {
  /** The problem of the open diagram's session, once loaded. */
  practiceProblem: Problem | null;
  practiceReview: Review | null;
  practiceAttempts: AttemptSummary[];
  startPractice(start: PracticeStart): Promise<boolean>;
  /** Loads the problem of the open diagram's session (after a reload or a switch); reviews it if finished. */
  loadPracticeProblem(): Promise<void>;
  switchPracticeStep(step: PracticeStepId): void;
  pausePractice(): void;
  resumePractice(): void;
  setPracticeNotes(step: PracticeStepId, notes: string): void;
  takeHint(): string | null;
  finishPractice(): void;
  openReference(): Promise<boolean>;
  exportReview(): void;
  openTemplate(id: string): Promise<boolean>;
  showReviewTarget(targets: readonly ReviewTarget[]): void;
}

export const createPracticeSlice =
  (services: EditorServices, workspace: WorkspaceServices | undefined): StateCreator<EditorState, [], [], PracticeSlice> =>
  (set, get) => {
    const session = (): PracticeSession | undefined => get().meta.practice;
    /** Session changes are saved but never undone. */
    const writeSession = (next: PracticeSession) => {
      const s = get();
      if (s.meta.practice === next) return;
      s.applyDiff(diffOf(s.doc, { meta: { ...s.meta, practice: next } }), { origin: 'edit', undoable: false });
    };
    const update = (change: (s: PracticeSession, now: number) => PracticeSession) => {
      const current = session();
      if (current && current.finishedAt === undefined) writeSession(change(current, services.now()));
    };
    const attempts = () => workspace?.attempts?.list() ?? [];

    async function problemFor(id: string): Promise<Problem | null> {
      const loaded = get().practiceProblem;
      if (loaded?.id === id) return loaded;
      const parsed = await loadShippedProblem(id);
      if (!parsed.ok) {
        get().notify('error', `Could not load the practice problem: ${parsed.error.message}`);
        return null;
      }
      return parsed.value;
    }

    return {
      practiceProblem: null,
      practiceReview: null,
      practiceAttempts: attempts(),

      async startPractice({ problemId, flow, lengthMinutes }) {
        const problem = await problemFor(problemId);
        if (!problem) return false;
        const diagram: Diagram = {
          ...emptyDiagram(`Practice: ${problem.title}`),
          flow,
          practice: newSession(problem, flow, lengthMinutes, services.now()),
        };
        set({ practiceProblem: problem, practiceReview: null });
        return (await get().openAsNewDiagram(diagram, 'practice')) !== null;
      },

      async loadPracticeProblem() {
        const current = session();
        if (!current) return;
        const problem = await problemFor(current.problem);
        if (!problem || session()?.problem !== problem.id) return;
        const finished = session()?.finishedAt !== undefined;
        set({
          practiceProblem: problem,
          practiceReview: finished ? reviewAttempt(problem, get().getDiagram(), { hintsUsed: current.hintsUsed }) : null,
          practiceAttempts: attempts(),
        });
      },

      switchPracticeStep(step) {
        update((s, now) => switchStep(s, step, now));
      },
      pausePractice() {
        update(pauseSession);
      },
      resumePractice() {
        update(resumeSession);
      },
      setPracticeNotes(step, notes) {
        update((s) => setStepNotes(s, step, notes));
      },

      takeHint() {
        const current = session();
        const problem = get().practiceProblem;
        if (!current || !problem || current.hintsUsed >= problem.hints.length) return null;
        writeSession({ ...current, hintsUsed: current.hintsUsed + 1 });
        return problem.hints[current.hintsUsed]!;
      },

      finishPractice() {
        const current = session();
        const problem = get().practiceProblem;
        if (!current || !problem || current.finishedAt !== undefined) return;
        const now = services.now();
        writeSession(finishSession(current, now));
        const review = reviewAttempt(problem, get().getDiagram(), { hintsUsed: current.hintsUsed });
        workspace?.attempts?.add(summarizeAttempt(review, get().currentId, now));
        set({ practiceReview: review, practiceAttempts: attempts() });
      },

      async openReference() {
        const problem = get().practiceProblem;
        if (!problem) return false;
        return (await get().openAsNewDiagram({ ...problem.reference, title: `Reference: ${problem.title}` }, 'reference design')) !== null;
      },

      exportReview() {
        const review = get().practiceReview;
        if (!review || !workspace) return;
        const labels = new Map(get().getDiagram().nodes.map((n) => [n.id, n.label || n.kind]));
        const current = session();
        const subtitle = current
          ? `${current.lengthMinutes}-minute session, ${current.flow}, ${current.hintsUsed} hint${current.hintsUsed === 1 ? '' : 's'}${current.finishedAt !== undefined ? `, finished ${new Date(current.finishedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`
          : undefined;
        const text = formatReviewMarkdown(review, { labels, ...(subtitle ? { subtitle } : {}) });
        workspace.download(new Blob([text], { type: 'text/markdown' }), fileNameFor(review.problemTitle));
      },

      async openTemplate(id) {
        const parsed = await loadTemplate(id);
        if (!parsed.ok) {
          get().notify('error', `Could not open the template: ${parsed.error.message}`);
          return false;
        }
        return (await get().openAsNewDiagram(parsed.value, 'template')) !== null;
      },

      showReviewTarget(targets) {
        const s = get();
        const ids = new Set<string>();
        const diagram = s.getDiagram();
        for (const t of targets) {
          if (t.table === 'nodes') ids.add(t.id);
          if (t.table === 'endpoints') diagram.endpoints?.filter((e) => e.id === t.id).forEach((e) => ids.add(e.node));
          if (t.table === 'entities') diagram.entities?.filter((e) => e.id === t.id).forEach((e) => ids.add(e.node));
          if (t.table === 'paths') diagram.paths?.filter((p) => p.id === t.id).forEach((p) => p.steps.forEach((id) => ids.add(id)));
          if (t.table === 'requirements') diagram.paths?.filter((p) => p.requirement === t.id).forEach((p) => p.steps.forEach((id) => ids.add(id)));
        }
        const present = [...ids].filter((id) => s.doc.nodes.byId.has(id));
        if (present.length === 0) return;
        s.select(present);
        s.focusElements(present);
      },
    };
  };
