import { benchSmoke } from '../../support/benchSmoke';

benchSmoke(['publish']);
