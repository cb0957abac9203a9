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
import type { ReferenceDifferences } from '../model/practice/compareWithReference';
import { activeDrill, beginDrill, drillTargets, endDrill, nextDrill } from '../model/practice/drillRun';
import { peakRpsOf } from '../model/analysis/peakLoad';
import { loadShippedProblem, loadTemplate, PROBLEM_LIST } from '../model/practice/problemLibrary';
import type { ShippedEntry } from '../model/practice/problemLibrary';
import type { Problem } from '../model/practice/problemRecord';
// Static: io/problemStorage already brings this small module into the first paint.
import { serializeProblemFile, serializeProblemPack } from '../model/practice/serializeProblemFile';
import { blobToDataUrl } from '../io/dataUrl';
import { diagramFileName } from '../io/fileName';
import type { FileLike } from '../io/openDiagramFile';
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

/** The differences shown beside a reference design opened from a review. */
export interface ReferenceComparison {
  /** The reference's entry in My diagrams. */
  referenceId: string;
  /** The candidate's practice diagram, to go back to. */
  candidateId: string | null;
  problemTitle: string;
  differences: ReferenceDifferences;
}

export type ProblemImport = { ok: true; added: ShippedEntry[] } | { ok: false; message: string };

export interface PracticeSlice {
  /** The user's own problems kept in this browser, listed beside the shipped ones. */
  practiceUserProblems: ShippedEntry[];
  practiceComparison: ReferenceComparison | null;
  /** Reads a problem or pack file (strict parse) and keeps its problems in this browser. */
  addPracticeProblems(file: FileLike): Promise<ProblemImport>;
  removePracticeProblem(id: string): void;
  /** Downloads one problem (shipped or the user's) as a problem file. */
  exportPracticeProblem(id: string): Promise<void>;
  /** Downloads the user's problems as one pack file. */
  exportPracticePack(ids: readonly string[]): Promise<void>;
  closeReferenceComparison(): void;
  /** Runs the next failure drill: marks its components down in the analysis and notes the design. */
  startDrill(): void;
  /** "Done": records the running drill's changes, time and outcome; lifts the marks. */
  finishDrill(): void;
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
  exportReview(): Promise<void>;
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
    const userProblems = (): ShippedEntry[] => (workspace?.problems?.list() ?? []).map(({ id, title }) => ({ id, title }));
    /** Marks the running drill's components down in the capacity analysis (after a start, a reload or a switch). */
    const showDrill = () => {
      const run = session() && activeDrill(session()!);
      if (!run) return;
      const s = get();
      s.showCapacity(true);
      for (const id of run.down) s.setDown(id, true);
    };

    async function problemFor(id: string): Promise<Problem | null> {
      const loaded = get().practiceProblem;
      if (loaded?.id === id) return loaded;
      const own = workspace?.problems?.list().find((p) => p.id === id);
      if (own) return own;
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
      practiceUserProblems: userProblems(),
      practiceComparison: null,

      async addPracticeProblems(file) {
        const { openProblemFile } = await import('../io/openProblemFile');
        const parsed = await openProblemFile(file);
        if (!parsed.ok) return { ok: false, message: parsed.error.message };
        const shipped = new Set(PROBLEM_LIST.map((p) => p.id));
        const clash = parsed.value.findIndex((p) => shipped.has(p.id));
        if (clash >= 0) {
          const where = parsed.value.length > 1 ? `problems[${clash}].id` : 'id';
          return { ok: false, message: `${where}: "${parsed.value[clash]!.id}" is the id of a shipped problem; give yours another id.` };
        }
        if (!workspace?.problems?.put(parsed.value)) {
          return { ok: false, message: 'This browser refused to keep the problems (its storage is full or turned off).' };
        }
        set({ practiceUserProblems: userProblems() });
        return { ok: true, added: parsed.value.map(({ id, title }) => ({ id, title })) };
      },

      removePracticeProblem(id) {
        workspace?.problems?.remove(id);
        set({ practiceUserProblems: userProblems() });
      },

      async exportPracticeProblem(id) {
        const problem = await problemFor(id);
        if (!problem || !workspace) return;
        workspace.download(new Blob([serializeProblemFile(problem)], { type: 'application/json' }), diagramFileName(problem.id, 'problem.json'));
      },

      async exportPracticePack(ids) {
        if (!workspace || ids.length === 0) return;
        const problems: Problem[] = [];
        for (const id of ids) {
          const problem = await problemFor(id);
          if (problem) problems.push(problem);
        }
        const title = problems.length === 1 ? problems[0]!.title : `${problems.length} practice problems`;
        workspace.download(new Blob([serializeProblemPack(title, problems)], { type: 'application/json' }), diagramFileName('practice-pack', 'problems.json'));
      },

      closeReferenceComparison() {
        set({ practiceComparison: null });
      },

      startDrill() {
        const current = session();
        const problem = get().practiceProblem;
        if (!current || !problem || current.finishedAt !== undefined || problem.id !== current.problem) return;
        const drill = nextDrill(problem, current);
        if (!drill) return;
        const design = get().getDiagram();
        writeSession(beginDrill(current, drill, drillTargets(problem, drill, design), design, services.now()));
        showDrill();
      },

      finishDrill() {
        const current = session();
        const problem = get().practiceProblem;
        const run = current && activeDrill(current);
        if (!current || !run || !problem) return;
        writeSession(endDrill(current, get().getDiagram(), (peakRpsOf(problem.scale) ?? 0), services.now()));
        for (const id of run.down) get().setDown(id, false);
      },

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
        const { reviewAttempt } = await import('../model/practice/review/reviewAttempt');
        if (!problem || session()?.problem !== problem.id) return;
        const finished = session()?.finishedAt !== undefined;
        set({
          practiceProblem: problem,
          practiceReview: finished ? reviewAttempt(problem, get().getDiagram(), { hintsUsed: current.hintsUsed }) : null,
          practiceAttempts: attempts(),
        });
        showDrill();
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
        // A drill still running ends with the session: its changes so far are what was done.
        const run = activeDrill(current);
        const ended = run ? endDrill(current, get().getDiagram(), (peakRpsOf(problem.scale) ?? 0), now) : current;
        for (const id of run?.down ?? []) get().setDown(id, false);
        writeSession(finishSession(ended, now));
        // The review's rules load when the first session ends, not with the first paint; it
        // reviews the design as it was at "Finish".
        const design = get().getDiagram();
        const diagramId = get().currentId;
        void import('../model/practice/review/reviewAttempt').then(({ reviewAttempt }) => {
          const review = reviewAttempt(problem, design, { hintsUsed: current.hintsUsed });
          workspace?.attempts?.add(summarizeAttempt(review, diagramId, now));
          if (get().currentId === diagramId) set({ practiceReview: review, practiceAttempts: attempts() });
          else set({ practiceAttempts: attempts() });
        });
      },

      async openReference() {
        const problem = get().practiceProblem;
        if (!problem) return false;
        const candidateId = get().currentId;
        const { compareWithReference } = await import('../model/practice/compareWithReference');
        const differences = compareWithReference(get().getDiagram(), problem.reference);
        const referenceId = await get().openAsNewDiagram({ ...problem.reference, title: `Reference: ${problem.title}` }, 'reference design');
        if (referenceId === null) return false;
        set({ practiceComparison: { referenceId, candidateId, problemTitle: problem.title, differences } });
        return true;
      },

      async exportReview() {
        const review = get().practiceReview;
        if (!review || !workspace) return;
        const labels = new Map(get().getDiagram().nodes.map((n) => [n.id, n.label || n.kind]));
        const current = session();
        const subtitle = current
          ? `${current.lengthMinutes}-minute session, ${current.flow}, ${current.hintsUsed} hint${current.hintsUsed === 1 ? '' : 's'}${current.finishedAt !== undefined ? `, finished ${new Date(current.finishedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`
          : undefined;
        // The picture goes inside the Markdown as a data URL: one file that Markdown viewers
        // (VS Code, Obsidian, Typora, most previewers) show as it is, where a zip would have to be
        // unpacked first (GitHub's viewer is the exception: it drops data URLs). PNG at 2× so labels stay
        // sharp when a viewer shrinks a wide diagram to its column.
        const png = get().getDiagram().nodes.length > 0 ? await get().renderImage('png', { scale: 2, background: 'white', padding: 24, capacityOverlay: false }) : null;
        const image = png ? await blobToDataUrl(png) : undefined;
        const { formatReviewMarkdown } = await import('../model/practice/review/formatReviewMarkdown');
        const text = formatReviewMarkdown(review, { labels, ...(subtitle ? { subtitle } : {}), ...(image ? { image } : {}) });
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
