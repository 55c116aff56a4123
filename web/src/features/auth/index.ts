export { ChangePasswordPage, ForcedPasswordChange } from './change-password.tsx';
export { LoginPage, PRODUCT_NAME } from './login-page.tsx';
export { describeGrant, grantScope, hasRole, roleLabel, safeNextPath } from './roles.ts';
export {
  installSessionErrorHandling,
  sessionQueryKey,
  useChangePassword,
  useLogin,
  useLogout,
  useSession,
} from './session.api.ts';
