import { benchSmoke } from '../../support/benchSmoke';

benchSmoke(['sync']);
