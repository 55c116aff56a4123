export { LoginPage, PRODUCT_NAME } from './login-page.tsx';
export { describeGrant, grantScope, hasRole, roleLabel, safeNextPath } from './roles.ts';
export {
  installSessionErrorHandling,
  sessionQueryKey,
  useLogin,
  useLogout,
  useSession,
} from './session.api.ts';
