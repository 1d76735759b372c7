/** The few HAST shapes our rehype plugins touch, in the app and on the published site (hast's own types are not a direct dependency). */

export interface HastPoint {
  line: number;
  column: number;
  offset?: number;
}

export interface HastPosition {
  start: HastPoint;
  end: HastPoint;
}

export interface HastText {
  type: 'text';
  value: string;
  position?: HastPosition;
}

export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
  position?: HastPosition;
}

export type HastNode = HastText | HastElement | { type: 'root' | 'comment' | 'doctype' | 'raw'; children?: HastNode[]; value?: string; position?: HastPosition };
