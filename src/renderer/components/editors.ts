import type { ComponentType } from 'react';
import type { Document } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { RfcEditor } from './RfcEditor';

/** The editor of each kind. Kinds without their own editor yet use the RFC layout (metadata + sections). */
export const EDITORS: Record<DocKind, ComponentType<{ doc: Document }>> = {
  rfc: RfcEditor,
  adr: RfcEditor,
  matrix: RfcEditor,
  postmortem: RfcEditor,
};
