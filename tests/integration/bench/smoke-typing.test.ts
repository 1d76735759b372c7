import { benchSmoke } from '../../support/benchSmoke';

benchSmoke(['typing']);
