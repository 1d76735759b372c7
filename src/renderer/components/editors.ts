import type { ComponentType } from 'react';
import type { Document } from '../../shared/document';
import type { DocKind } from '../../shared/kinds/kinds';
import { AdrEditor } from './adr/AdrEditor';
import { MatrixEditor } from './matrix/MatrixEditor';
import { PostmortemEditor } from './postmortem/PostmortemEditor';
import { RfcEditor } from './RfcEditor';

/** The editor of each kind. Kinds without their own editor yet use the RFC layout (metadata + sections). */
export const EDITORS: Record<DocKind, ComponentType<{ doc: Document }>> = {
  rfc: RfcEditor,
  adr: AdrEditor,
  matrix: MatrixEditor,
  postmortem: PostmortemEditor,
};
