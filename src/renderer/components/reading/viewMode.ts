import { useState } from 'react';
import type { ReviewView } from '../../../shared/reviews/view';

export interface ViewMode {
  /** The person at the keyboard reviews this document and did not write it. */
  reviewer: boolean;
  /** The reading view is shown (for a reviewer: review mode). */
  reading: boolean;
}

/**
 * The view a document opens in: review mode for its reviewers, editing for
 * everyone else, until the person switches. The choice holds for this
 * document while it stays open and the same person is at the keyboard.
 */
export function useViewMode(docId: string, review: ReviewView | null): [ViewMode, (reading: boolean) => void] {
  const [choice, setChoice] = useState<{ key: string; reading: boolean } | null>(null);
  const reviewer = !!review && review.docId === docId && review.viewer.isReviewer && !review.viewer.isAuthor;
  // Switching identity (a shared laptop) starts over with that person's default.
  const key = `${docId}\n${reviewer}`;
  const reading = choice?.key === key ? choice.reading : reviewer;
  return [{ reviewer, reading }, (next) => setChoice({ key, reading: next })];
}
