import { benchSmoke } from '../../support/benchSmoke';

benchSmoke(['api', 'web']);
