/**
 * The steps of a practice session in each flow's order, with the guide and the share of the
 * session each is given. Bottom-up starts from what users need; top-down from the data.
 */
import type { Flow } from '../diagram';
import type { PracticeStepId } from '../records/practiceSession';

export interface StepSpec {
  id: PracticeStepId;
  title: string;
  guide: string;
  /** Share of the session's length suggested for the step. */
  share: number;
}

const SPECS: Readonly<Record<PracticeStepId, StepSpec>> = {
  requirements: { id: 'requirements', title: 'Requirements', share: 0.15, guide: 'Write the functional requirements (must, should, could) and ask about the non-functional ones: users, latency, availability, consistency.' },
  estimation: { id: 'estimation', title: 'Estimation', share: 0.1, guide: 'Fill in the scale: daily users, requests per user, read/write ratio, peak factor, object size, retention. Derive peak requests/s and storage.' },
  apis: { id: 'apis', title: 'APIs', share: 0.15, guide: 'List the endpoints each requirement needs: method, path, request and response, and which component serves them.' },
  data: { id: 'data', title: 'Data', share: 0.15, guide: 'Name the entities, their fields and keys, and the store that holds each. Choose keys for the access patterns of your APIs.' },
  diagram: { id: 'diagram', title: 'Diagram', share: 0.25, guide: 'Draw the components and the request path of every must requirement. Keep the flow valid; size instances for the peak.' },
  'deep-dive': { id: 'deep-dive', title: 'Deep dive and failures', share: 0.2, guide: 'Take the failure drills one at a time: what breaks, and how does the design keep serving? Then the follow-up questions.' },
};

const ORDER: Readonly<Record<Flow, readonly PracticeStepId[]>> = {
  'bottom-up': ['requirements', 'estimation', 'apis', 'data', 'diagram', 'deep-dive'],
  'top-down': ['data', 'apis', 'requirements', 'estimation', 'diagram', 'deep-dive'],
};

export function practiceSteps(flow: Flow): StepSpec[] {
  return ORDER[flow].map((id) => SPECS[id]);
}

/** Minutes suggested for a step in a session of `lengthMinutes`, rounded to whole minutes. */
export function suggestedMinutes(step: StepSpec, lengthMinutes: number): number {
  return Math.max(1, Math.round(step.share * lengthMinutes));
}
