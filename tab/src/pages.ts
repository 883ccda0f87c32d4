import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../../src/domain/roles.ts';
import { wordsFor, type Language } from '../../src/domain/strings.ts';

type PageId =
  | 'home'
  | 'policy'
  | 'my-reports'
  | 'my-applications'
  | 'my-training'
  | 'cases'
  | 'approvals'
  | 'accounts'
  | 'monitoring'
  | 'training-dashboard'
  | 'questions'
  | 'settings'
  | 'audit'
  | 'deliveries';

export interface PageDef {
  id: string;
  title: string;
  /** Shown to anyone holding one of these roles. */
  roles: readonly Role[];
  /** What the page is for, in the words of the person using it. */
  purpose: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

export interface PageProps {
  page: PageDef;
  schoolId: string;
  /** What follows the page id in the address: `#/cases/<id>` gives the case id. */
  param?: string;
}

// Each page is its own chunk, so a role's first screen loads only what it shows.
const Home = lazy(() => import('./pages/HomePage.tsx'));
const Policy = lazy(() => import('./pages/PolicyPage.tsx'));
const Cases = lazy(() => import('./pages/CasesPage.tsx'));
const MyReports = lazy(() => import('./pages/MyReportsPage.tsx'));
const Questions = lazy(() => import('./pages/QuestionsPage.tsx'));
const MyApplications = lazy(() => import('./pages/MyApplicationsPage.tsx'));
const Accounts = lazy(() => import('./pages/AccountsPage.tsx'));
const SchoolSettings = lazy(() => import('./pages/SchoolSettingsPage.tsx'));
const MyTraining = lazy(() => import('./pages/MyTrainingPage.tsx'));
const TrainingDashboard = lazy(() => import('./pages/TrainingDashboardPage.tsx'));
const Audit = lazy(() => import('./pages/AuditPage.tsx'));
const Approvals = lazy(() => import('./pages/ApprovalsPage.tsx'));
const Monitoring = lazy(() => import('./pages/MonitoringPage.tsx'));
const Deliveries = lazy(() => import('./pages/DeliveriesPage.tsx'));

const everyone: Role[] = ['Staff', 'SLT', 'DSL', 'HR', 'Admin'];

/** The pages in navigation order; their titles and purposes are words in each language (src/domain/strings.ts). */
const PAGES: { id: PageId; roles: readonly Role[]; component: PageDef['component'] }[] = [
  { id: 'home', roles: everyone, component: Home },
  { id: 'policy', roles: everyone, component: Policy },
  { id: 'my-reports', roles: everyone, component: MyReports },
  { id: 'my-applications', roles: everyone, component: MyApplications },
  { id: 'my-training', roles: everyone, component: MyTraining },
  { id: 'cases', roles: ['DSL', 'SLT'], component: Cases },
  { id: 'approvals', roles: ['SLT'], component: Approvals },
  { id: 'accounts', roles: everyone, component: Accounts },
  { id: 'monitoring', roles: everyone, component: Monitoring },
  { id: 'training-dashboard', roles: ['HR', 'SLT'], component: TrainingDashboard },
  { id: 'questions', roles: ['SLT'], component: Questions },
  { id: 'settings', roles: ['SLT'], component: SchoolSettings },
  { id: 'audit', roles: ['SLT', 'DSL', 'HR', 'Admin'], component: Audit },
  { id: 'deliveries', roles: ['SLT', 'Admin', 'DSL'], component: Deliveries },
];

/** The pages a person's roles open, titled and described in their school's language. */
export function pagesFor(roles: readonly string[], language?: Language): PageDef[] {
  const t = wordsFor(language);
  return PAGES.filter((p) => p.roles.some((r) => roles.includes(r))).map((p) => ({
    ...p,
    title: t(`page.${p.id}.title`),
    purpose: t(`page.${p.id}.purpose`),
  }));
}
