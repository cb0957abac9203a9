/** The review of a practice attempt: one part per rubric section, each point explained and placed. */
export type ReviewPartId = 'requirements' | 'estimation' | 'apis' | 'data' | 'architecture' | 'scale' | 'drills';

/** Where a point sits in the candidate's diagram (what "show" selects). */
export interface ReviewTarget {
  table: 'nodes' | 'requirements' | 'endpoints' | 'entities' | 'paths';
  id: string;
}

export interface ReviewPoint {
  ok: boolean;
  /** One sentence: what was found or what is missing. */
  text: string;
  /** Why it matters or how it was judged (formulas, the match used). */
  detail?: string;
  targets: ReviewTarget[];
}

export interface ReviewPart {
  id: ReviewPartId;
  title: string;
  /** 0–1. */
  score: number;
  /** Points this part adds to the overall score at full marks. */
  weight: number;
  points: ReviewPoint[];
}

export interface Review {
  problemId: string;
  problemTitle: string;
  parts: ReviewPart[];
  /** 0–100, the weighted sum of the parts. */
  overall: number;
  hintsUsed: number;
}

export const PART_WEIGHTS: Readonly<Record<ReviewPartId, number>> = {
  requirements: 20,
  estimation: 10,
  apis: 15,
  data: 15,
  architecture: 25,
  scale: 10,
  drills: 5,
};

export const point = (ok: boolean, text: string, targets: ReviewTarget[] = [], detail?: string): ReviewPoint => ({
  ok,
  text,
  targets,
  ...(detail !== undefined ? { detail } : {}),
});

/** Share of `earned` in `possible`, 0 when nothing was possible. */
export const ratio = (earned: number, possible: number): number => (possible > 0 ? Math.min(1, earned / possible) : 0);
