/**
 * The words of school life and social media that mean the same thing, as a school's staff and a
 * school's policy might each put it. Written from how UK schools talk, for any school's policy,
 * not for one document: each set works in both directions, so a question's word finds the
 * policy's word whichever of them the policy chose. Multi-word members are matched as phrases.
 *
 * Keep each set to one meaning. A word that is common across every policy ("school", "staff")
 * makes a poor member, because it matches everything.
 */
export const SAME_MEANING: readonly (readonly string[])[] = [
  // People
  ['pupil', 'student', 'learner', 'child', 'kid', 'young person', 'schoolchild', 'teenager', 'teen'],
  [
    'former pupil',
    'ex-pupil',
    'ex pupil',
    'old pupil',
    'past pupil',
    'prior pupil',
    'alumni',
    'alumnus',
    'old student',
    'former student',
    'ex-student',
  ],
  ['parent', 'carer', 'mum', 'dad', 'mother', 'father', 'guardian', 'family'],
  ['staff', 'teacher', 'colleague', 'employee', 'member of staff', 'workforce'],
  ['volunteer', 'helper'],
  ['employee', 'employer', 'where i work', 'who i work for', 'my employer', 'work for the school'],
  ['governor', 'governing board', 'governing body', 'trustee'],
  ['contractor', 'supplier', 'agency worker'],
  ['supply staff', 'supply'],
  ['senior leadership team', 'slt', 'senior leaders', 'senior leadership', 'leadership team', 'senior management'],
  ['headteacher', 'head teacher', 'headmaster', 'headmistress', 'principal', 'head of school'],
  ['designated safeguarding lead', 'dsl', 'safeguarding lead', 'child protection lead', 'safeguarding officer'],
  ['deputy', 'deputies', 'covers for', 'stands in', 'acts for'],
  ['administrator', 'admin', 'account manager'],
  ['moderator', 'account runner'],
  ['police', 'officer', 'ceop'],
  ['journalist', 'press', 'media', 'reporter', 'newspaper'],

  // Accounts and platforms
  ['account', 'page', 'profile', 'channel', 'handle', 'feed'],
  ['social media', 'social network', 'social networking', 'platform', 'app', 'apps', 'site', 'website'],
  ['messaging app', 'messaging'],
  ['group', 'group chat', 'forum', 'community page'],
  ['personal', 'private', 'own', 'home'],
  ['private', 'locked', 'privacy settings', 'hidden'],
  ['public', 'open to all', 'publicly'],
  ['logo', 'branding', 'brand'],
  ['email address', 'email', 'e-mail'],
  ['password', 'passwords', 'log-in', 'login', 'log in details', 'sign-in', 'credentials', 'username'],
  ['hacked', 'compromised', 'taken over', 'hijacked', 'stolen'],
  ['device', 'phone', 'mobile'],

  // Opening, running and closing accounts
  ['open', 'create', 'set up', 'start', 'launch', 'register', 'sign up'],
  ['close', 'shut down', 'deactivate', 'delete the account', 'take down'],
  ['approve', 'approval', 'authorise', 'authorisation', 'sign off', 'agree', 'go-ahead', 'permission'],
  ['withdraw', 'withdrawn', 'revoke', 'revoked', 'take away', 'cancel', 'suspend', 'rescind'],
  ['business case', 'proposal', 'application', 'request form'],
  ['aim', 'purpose', 'goal', 'objective'],
  ['audience', 'followers', 'who it is for'],
  ['promote', 'promoted', 'advertise', 'publicise'],
  ['monitor', 'check', 'moderate', 'watch', 'keep an eye on', 'supervise'],
  ['respond', 'response', 'reply', 'answer', 'get back to'],
  ['comment', 'post', 'remark'],
  ['complaint', 'complain', 'moan', 'grievance', 'criticism', 'unhappy', 'raise concerns', 'raise a concern'],
  ['delete', 'remove', 'hide', 'take down', 'removed'],
  ['review', 'reviewed', 'revisit', 'evaluate', 'audit'],
  ['transfer', 'handover', 'hand over', 'pass on', 'hand on'],
  ['leave', 'leaves', 'leaving', 'leaver', 'resign', 'resigns', 'moves on', 'moves to another school', 'quit'],

  // Content
  ['photograph', 'photo', 'picture', 'image', 'pic', 'selfie', 'video', 'footage', 'film', 'clip', 'recording'],
  ['consent', 'permission', 'agreement', 'opt in', 'signed form'],
  ['full name', 'surname', 'first and last name', 'name'],
  ['address', 'where they live', 'home address', 'location', 'whereabouts'],
  ['identify', 'identifies', 'identifiable', 'recognise', 'name'],
  [
    'abusive',
    'offensive',
    'rude',
    'nasty',
    'insult',
    'insulting',
    'discriminatory',
    'hateful',
    'hate',
    'troll',
    'inappropriate',
    'vile',
  ],
  ['threatening', 'threat', 'threats', 'intimidating', 'menacing'],
  ['reputation', 'disrepute', 'good name', 'image of the school'],
  ['gossip', 'rumour', 'school business', 'confidential', 'internal'],
  ['copyright', 'intellectual property', 'licence'],

  // Contact
  [
    'message',
    'messages',
    'keep in touch',
    'stay in touch',
    'in touch',
    'dm',
    'direct message',
    'text',
    'texting',
    'chat',
    'contact',
    'communicate',
    'inbox',
  ],
  ['friend request', 'follow request', 'friend', 'follow', 'befriend', 'connect', 'connection'],
  ['accept', 'follow back', 'add back'],
  ['block', 'mute', 'unfriend', 'unfollow'],

  // Concerns and incidents
  ['report', 'tell', 'inform', 'raise', 'refer', 'flag', 'notify', 'escalate', 'pass on'],
  ['evidence', 'screenshot', 'screen grab', 'proof', 'capture'],
  ['incident', 'concern', 'issue', 'problem', 'worry', 'worried'],
  ['danger', 'risk', 'harm', 'unsafe', 'emergency', 'at risk'],
  ['immediately', 'at once', 'straight away', 'right away', 'right now', 'urgently', 'asap', 'same day'],
  ['crime', 'criminal', 'offence', 'illegal', 'unlawful', 'against the law'],
  ['indecent', 'nude', 'nudes', 'naked', 'explicit', 'sexting', 'sexual image'],
  ['bullying', 'cyberbullying', 'bullied', 'picked on', 'harassment', 'harassed'],
  ['grooming', 'groomed', 'exploitation'],
  ['investigate', 'look into', 'deal with', 'handle', 'follow up'],
  ['initials', 'abbreviation'],

  // Consequences, training and records
  ['breach', 'break', 'breaking', 'broke', 'violate', 'ignore', 'misuse', 'against the rules'],
  ['disciplinary', 'dismissal', 'dismissed', 'sacked', 'sack', 'lose my job', 'sanction', 'consequences', 'punished'],
  ['training', 'course', 'cpd', 'refresher'],
  ['acknowledge', 'acknowledgement', 'sign', 'confirm', 'read and understood', 'agree to'],
  ['record', 'records', 'file', 'files', 'notes', 'paperwork', 'chronology'],
  ['kept', 'keep', 'retain', 'retention', 'stored', 'store', 'held'],
  ['policy', 'rules', 'guidance'],
  ['apply', 'applies', 'cover', 'covers', 'covered', 'relevant to'],
  ['overlap', 'clash', 'conflict', 'contradict', 'take priority', 'comes first', 'takes precedence'],

  // Time
  // Kept whole so that neither word is read alone: annual leave is not about leaving, nor done every year.
  ['annual leave', 'holiday entitlement', 'leave entitlement'],
  ['holiday', 'holidays', 'vacation', 'term break'],
  ['every year', 'annual', 'annually', 'yearly', 'once a year', 'each year'],
  ['every day', 'daily', 'each day'],
  ['regularly', 'often', 'frequently'],
];

/**
 * Staff words that should also find a policy's words, but not the other way round: slang, and
 * words that narrow a question without being what it is about.
 */
export const ALSO_FINDS: Readonly<Record<string, readonly string[]>> = {
  insta: ['instagram'],
  ig: ['instagram'],
  fb: ['facebook'],
  twitter: ['x'],
  tweet: ['post', 'x'],
  snap: ['snapchat'],
  job: ['employee', 'work'],
  behaviour: ['conduct'],
  pta: ['parent group'],
  class: ['pupils'],
  head: ['headteacher'],
  boss: ['headteacher', 'senior leadership'],
  'look after': ['kept', 'securely', 'keep'],
  'year group': ['pupil'],
  add: ['friend request'],
  added: ['friend request'],
  fast: ['within', 'hours', 'response'],
  quickly: ['within', 'hours', 'response'],
  trip: ['visit', 'pupils'],
  classroom: ['lessons'],
  lesson: ['lessons', 'teaching'],
  'outside school hours': ['personal', 'own time'],
};

/**
 * Particular things and the wider word a policy uses for them. The particular finds the wider
 * (Christmas is a holiday), more weakly than a word that means the same; the wider does not find
 * the particular, because a question about holidays is not about Christmas.
 */
export const KINDS_OF: Readonly<Record<string, readonly string[]>> = {
  holiday: ['christmas', 'easter', 'summer', 'half term', 'half-term', 'summer break', 'bank holiday'],
  weekend: ['saturday', 'sunday'],
  device: ['iphone', 'smartphone', 'tablet', 'ipad', 'camera', 'laptop', 'android'],
  abusive: ['racist', 'sexist', 'homophobic', 'transphobic', 'swearing', 'slur'],
  'email address': ['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud'],
  'messaging app': ['whatsapp', 'messenger', 'signal', 'imessage'],
  logo: ['crest', 'badge', 'emblem', 'motto'],
  staff: ['teaching assistant', 'supply teacher', 'cover teacher', 'technician', 'receptionist', 'caretaker', 'coach'],
  'supply staff': ['supply teacher', 'cover teacher'],
  pupil: ['sixth former', 'form group'],
};
