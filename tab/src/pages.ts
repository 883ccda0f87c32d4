import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../../src/domain/roles.ts';
import { wordsFor, type Language, type StringKey } from '../../src/domain/strings.ts';

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

export const PAGES: PageDef[] = [
  { id: 'home', title: 'Home', roles: everyone, purpose: 'Your tasks and what needs your attention.', component: Home },
  {
    id: 'policy',
    title: 'Policy',
    roles: everyone,
    purpose: "Read the school's social media policy and confirm you have read it.",
    component: Policy,
  },
  {
    id: 'my-reports',
    title: 'My reports',
    roles: everyone,
    purpose: 'Follow the incidents you have reported and see when a safeguarding lead has read them.',
    component: MyReports,
  },
  {
    id: 'my-applications',
    title: 'My applications',
    roles: everyone,
    purpose: 'Apply for an official school account and follow its approval.',
    component: MyApplications,
  },
  {
    id: 'my-training',
    title: 'My training',
    roles: everyone,
    purpose: 'Your courses: completed, due soon and overdue.',
    component: MyTraining,
  },
  {
    id: 'cases',
    title: 'Safeguarding cases',
    roles: ['DSL', 'SLT'],
    purpose: 'Triage reported incidents, record actions and referrals, and close cases with an outcome.',
    component: Cases,
  },
  {
    id: 'approvals',
    title: 'Account approvals',
    roles: ['SLT'],
    purpose: 'Decide on applications for official accounts.',
    component: Approvals,
  },
  {
    id: 'accounts',
    title: 'Official accounts',
    roles: everyone,
    purpose: 'Every official account, its lead and moderators; administrators record new ones here.',
    component: Accounts,
  },
  {
    id: 'monitoring',
    title: 'Account monitoring',
    roles: everyone,
    purpose: 'Check the official accounts you moderate, and reply to comments in time.',
    component: Monitoring,
  },
  {
    id: 'training-dashboard',
    title: 'Training dashboard',
    roles: ['HR', 'SLT'],
    purpose: 'Training and policy acknowledgement across the trust, and who to chase.',
    component: TrainingDashboard,
  },
  {
    id: 'questions',
    title: 'Policy questions',
    roles: ['SLT'],
    purpose: 'Questions the policy did not answer, waiting for SLT.',
    component: Questions,
  },
  {
    id: 'settings',
    title: 'School settings',
    roles: ['SLT'],
    purpose: 'How applications are decided and how unread reports are chased.',
    component: SchoolSettings,
  },
  {
    id: 'audit',
    title: 'Audit log',
    roles: ['SLT', 'DSL', 'HR', 'Admin'],
    purpose: 'Who did what and when to the records you may read, including every read of safeguarding detail.',
    component: Audit,
  },
  {
    id: 'deliveries',
    title: 'Undelivered messages',
    roles: ['SLT', 'Admin'],
    purpose: 'Alerts and cards that have not reached their person yet, and why.',
    component: Deliveries,
  },
];

/** The pages a person's roles open, titled and described in their school's language. */
export function pagesFor(roles: readonly string[], language?: Language): PageDef[] {
  const t = wordsFor(language);
  return PAGES.filter((p) => p.roles.some((r) => roles.includes(r))).map((p) => ({
    ...p,
    title: t(`page.${p.id}.title` as StringKey),
    purpose: t(`page.${p.id}.purpose` as StringKey),
  }));
}
