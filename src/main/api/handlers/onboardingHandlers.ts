import type { onboardingContract } from '../../../shared/contract/onboarding';
import type { AreaHandlers } from '../dispatch';
import type { HandlerDeps } from '../handlers';

export function createOnboardingHandlers(d: HandlerDeps): AreaHandlers<typeof onboardingContract> {
  return {
    'onboarding:state': () => d.onboarding.state(),
    'onboarding:finish': () => d.onboarding.finish(),
    'onboarding:rememberSamples': ({ ids }) => d.onboarding.rememberSamples(ids),
    'onboarding:removeSamples': () => d.onboarding.removeSamples(),
  };
}
