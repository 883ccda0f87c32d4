import { distance } from 'fastest-levenshtein';
import { HARMS, type Harm } from './harms.ts';

/**
 * Reading the risk in what a member of staff wrote, the way they would tell a colleague. A harm
 * read here makes a report urgent and sends it to the safeguarding leads whatever the reporter
 * answered about immediate risk: a hurried "No" must never outweigh "she wants to kill herself".
 *
 * Patterns work on normalised text (below) and ask for the shape of the harm, not a lone word:
 * "kill herself", not "kill"; "will hurt him", not "threatening"; so everyday turns of phrase
 * ("this marking is killing me", "dying to get tiktok") do not trip them.
 */
const SELF = String.raw`(?:him|her|them|my|your|our)sel(?:f|ves)|themself`;
const PERSON = String.raw`(?:you|him|her|them|me|us|someone|somebody|everyone|people|(?:another|a|the|this|that|some|one|his|her|their|my)\s+(?:\w+\s+)?(?:boy|girl|pupil|student|kid|lad|child|teacher|classmate|friend|brother|sister|mum|dad)s?)`;
const BODY = String.raw`(?:wrists?|forearms?|arms?|thighs?|legs?|stomach|tummy|skin|hips?|back\s+of\s+(?:his|her|their|my)\s+hands?)`;
const INJURY = String.raw`(?:cuts|lines|marks|scratches|scars|plasters|bandages|burns|wounds|slashes|bled|bleeding)`;
const BLADE = String.raw`(?:blades?|razors?)`;
const INSTRUMENT = String.raw`(?:${BLADE}|compass(?:\s+point)?|scissors|glass)`;
const FAMILY = String.raw`(?:daddy|mummy|dad|mum|mam|mom|stepdad|stepmum|step-dad|step-mum|step\s+dad|step\s+mum|step-?\s?brother|step-?\s?sister|uncle|aunt|auntie|grandad|grandpa|nan|brother|sister|cousin|(?:mum|mam|mom|dad)'?s\s+(?:new\s+)?(?:boyfriend|girlfriend|partner)|carer|foster\s+\w+)`;
const IMAGE = String.raw`(?:photos?|pics?|pictures?|images?|videos?|vids?|clips?|selfies?|snaps?|footage|recordings?)`;

const SIGNS: Record<Harm, RegExp[]> = {
  suicide: [
    /\bsuicid/,
    new RegExp(String.raw`\b(?:kill|killing|kills|killed|hang|hanging|hanged)\s+(?:${SELF})\b`),
    /\b(?:end|ending|ends|ended|take|taking|takes|took)\s+(?:his|her|their|my|your)\s+(?:own\s+)?life\b/,
    /\b(?:want|wants|wanted|wanting|going|gonna|planning|plans|ready|tried|trying)\s+(?:to\s+)?die\b(?!\s+(?:of|from|laughing|for|on|in\s+a\s+game))/,
    /\bwish(?:es|ed)?\s+(?:i|she|he|they)\s+(?:was|were)\s+dead\b|\bwish(?:es|ed)?\s+(?:i|she|he|they)\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not|had\s+never\s+been)\s+(?:alive|here|around|born)\b/,
    /\bbetter\s+off\s+(?:dead|without\s+(?:me|her|him|them))\b/,
    // Of oneself, not a threat to others ("her family won't be here much longer").
    /(?<!\b(?:family|families|parents|people|everyone|they|them|you|lot|side|team|teams)\s)\b(?:won'?t|will\s+not|not\s+going\s+to|not\s+gonna)\s+be\s+(?:around|here|alive)\s+(?:much\s+)?(?:longer|for\s+long|anymore|any\s+more|tomorrow|next\s+week)/,
    /\bthanks\s+for\s+everything\b.{0,40}\b(?:last|goodbye|bye)\b|\bthis\s+is\s+the\s+last\s+(?:one|message|post|snap|time)\b|\blast\s+time\s+i'?(?:ll|will)\s+(?:bother|annoy|trouble)\b|\b(?:it'?s|its)\s+easier\s+this\s+way\b|\bsorry\s+(?:mum|dad|everyone)\b.{0,60}\b(?:easier|better\s+off|goodbye|last\s+time)\b/,
    /\bcan'?t\s+(?:do|take|cope\s+with|handle)\s+(?:this|it)\s+any\s?more\b|\b(?:been\s+)?nice\s+knowing\s+(?:you|some\s+of\s+you|everyone|y'?all)\b/,
    /\b(?:no|not\s+any|nothing\s+to)\s+(?:reason|point)\s+(?:to\s+|in\s+)?(?:live|living|going\s+on|carrying\s+on|being\s+alive)\b/,
    /\b(?:if|when)\s+(?:i|she|he|they)\s+(?:was|were|am|is)\s+gone\b|\bnobody\s+would\s+(?:notice|care|miss\s+(?:me|her|him|them))\b/,
    /\b(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|exist|wake\s+up)\b/,
    /\b(?:goodbye|farewell)\s+(?:note|letter|message|post|video)\b|\bsee\s+(?:you|u|y'?all)\s+(?:all\s+)?on\s+the\s+other\s+side\b/,
    /\bend\s+it\s+all\b|\bending\s+(?:it\s+all|things)\b|\bnoose\b|\b(?:is\s*n'?t|is\s+not|not)\s+worth\s+living\b/,
    /\b(?:last|final)\s+(?:night|day|days|week)\s+(?:on\s+earth|alive|of\s+my\s+life)\b|\bthis\s+is\s+goodbye\b/,
    /\b(?:everyone|everybody|people|they|you\s+all)\s+(?:will|would|'ll|'d)\s+be\s+better\s+off\b/,
    /\b(?:don'?t|doesn'?t|didn'?t|does\s+not|can'?t)\s+see\s+(?:the|any)\s+point\b|\bno\s+point\s+(?:any\s?more|in\s+anything)\b/,
    /\b(?:step|stepping|stepped|jump|jumping|jumped|throw\w*\s+(?:him|her|them|my)sel(?:f|ves))\s+(?:in\s+front\s+of|under)\s+(?:a|the)\s+(?:train|bus|car|lorry|truck)\b/,
    /\bhow\s+(?:many|much)\s+(?:\w+\s+)?(?:paracetamol|pills|tablets|painkillers)\b|\b(?:saving|stockpiling|hoarding|collecting)\s+(?:up\s+)?(?:\w+\s+)?(?:pills|tablets|paracetamol|painkillers)\b|\bgoogl\w*\s+how\s+to\s+(?:die|kill|overdose|hang)\b/,
    /\b(?:giv\w*|gave)\s+(?:away\s+)?(?:all\s+)?(?:his|her|their|my)\s+(?:\w+\s+){0,2}away\b|\bgiving\s+away\s+(?:his|her|their|my)\b|\bwho\s+gets\s+(?:his|her|their|my)\s+\w+/,
    /\b(?:won'?t|will\s+not)\s+be\s+(?:around|here)\s*(?:$|[.,;!?]|and\b|but\b|anyway\b)/,
    /\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the)\s+(?:bridge|building|roof|car\s+park|cliff)/,
  ],
  'self-harm': [
    /\bself[-\s]?harm/,
    new RegExp(
      String.raw`\b(?:cut|cuts|cutting|burn|burns|burning|burnt|hurt|hurts|hurting|harm|harms|harming|scratch\w*|starv\w*|punch\w*|hit|hits|hitting|bit|bites|biting)\s+(?:${SELF})\b`,
    ),
    new RegExp(String.raw`\b(?:does|did|doing|do)\s+(?:it|this|that)\s+to\s+(?:${SELF})\b`),
    /\b(?:cuts|scars|scratches|burns|marks|wounds)\s+(?:all\s+)?(?:up|on|over|along|down|across)\s+(?:his|her|their|my)\s+(?:arms?|forearms?|wrists?|legs?|thighs?|stomach|body)\b/,
    /\boverdos\w*|\bod'd\b|\bo\.?d'?ed\b|\b(?:took|taken|swallowed|taking|take)\s+(?:a\s+(?:load|lot|handful|bunch)\s+of\s+|loads\s+of\s+|too\s+many\s+|lots\s+of\s+|all\s+(?:his|her|their|my)\s+)(?:pills|tablets|paracetamol)\b/,
    /\bpro[-\s]?(?:ana|mia)\b|\bthinspo\b|\bhow\s+to\s+hide\s+(?:the\s+)?(?:cuts|burns|scars|marks)\b/,
    /\bcutting\s+again\b|\bmaking\s+(?:her|him|them|my)sel(?:f|ves)\s+sick\b/,
    new RegExp(
      String.raw`\b${INJURY}\b(?:\s+\S+){0,6}?\s+(?:on|up|across|over|along|down|into|in)\s+(?:\w+\s+){0,3}(?:his|her|their|my|the)\s+(?:\w+\s+)?${BODY}\b`,
    ),
    new RegExp(
      String.raw`\b${INSTRUMENT}\b(?:\s+\S+){0,8}?\s+(?:into|on|in|across|against|at)\s+(?:his|her|their|my)\s+(?:\w+\s+)?${BODY}\b`,
    ),
    // Only a blade is telling anywhere near an injury: a compass and "marks" meet in every maths lesson.
    new RegExp(String.raw`\b${BLADE}\b.{0,120}\b${INJURY}\b|\b${INJURY}\b.{0,120}\b${BLADE}\b`),
    /\b(?:her|his|their|my)\s+own\s+doing\b|\bdone\s+(?:it\s+)?to\s+(?:him|her|them|my)sel(?:f|ves)\b/,
  ],
  'abuse-disclosure': [
    /\b(?:being|been|was|were|is)\s+(?:sexually\s+|physically\s+)?abused\b|\bsexual(?:ly)?\s+abus/,
    /\b(?:not|doesn'?t|don'?t|isn'?t|does\s+not|do\s+not)\s+(?:feel\s+)?safe\s+at\s+home\b/,
    /\b(?:dad|mum|mam|mom|stepdad|stepmum|step-dad|step-mum|uncle|aunt|brother|sister|parent|carer|boyfriend|girlfriend|partner)\s+(?:hits|hit|beats|beat|hurts|hurt|kicks|kicked|punches|punched|touches|touched|slaps|slapped|chokes|choked)\s+(?:him|her|them|me)\b/,
    /\btouched\s+(?:him|her|them|me)\s+(?:inappropriately|down\s+there|in\s+a\s+way)/,
    new RegExp(
      String.raw`\b${FAMILY}\b(?:\s+\S+){0,3}?\s+(?:does|did|doing|do)\s+(?:things|stuff)\b|\b${FAMILY}\b(?:\s+\S+){0,4}?\s+(?:locks?|locked|shuts?)\s+(?:me|her|him|them)\s+in\b`,
    ),
    /\b(?:puts?|put|locks?|locked|shuts?|shut)\s+(?:me|her|him|them)\s+in\s+(?:the|a|his|her|their)\s+(?:cupboard|cellar|shed|garage|loft|cage|dark|boot)\b/,
    /\bif\s+(?:he|she|they|i)\s+tells?\s+(?:anyone|anybody|someone|a\s+teacher)\b/,
    new RegExp(String.raw`\b${FAMILY}\b.{0,150}\b(?:(?:it'?s|its|is)\s+(?:a|our)\s+secret|under\s+the\s+covers)\b`),
    new RegExp(
      String.raw`\b${FAMILY}\s+(?:hits|hit|beats|hurts|kicks|punches|slaps)\s+(?:mummy|mum|mam|mommy|daddy|dad|my\s+\w+)\b|\bwith\s+(?:a|the)\s+(?:belt|stick|slipper|cane)\b`,
    ),
    /\b(?:mum|dad|mam|mom|parent|carer)\b.{0,60}\bnot\s+coming\s+back\b|\bnot\s+(?:been\s+)?collected\b.{0,80}\bnot\s+(?:coming|answering)\b/,
    /\b(?:get|gets|got|getting)\s+(?:hit\s+with\s+)?the\s+(?:belt|slipper|stick|cane|wooden\s+spoon)\b/,
    /\bcom(?:es|ing|e)?\s+in(?:to)?\s+(?:her|his|my|their)\s+(?:room|bed|bedroom)\s+at\s+night\b/,
    // Neglect: no food, left alone.
    /\b(?:no|isn'?t\s+any|never\s+any)\s+food\s+(?:at|in\s+the)\s+(?:home|house)\b|\b(?:left\s+)?(?:home\s+)?alone\s+(?:all\s+(?:night|weekend)|overnight|for\s+days)\b|\b(?:hasn'?t|has\s+not|not)\s+eaten\s+(?:since|for\s+(?:two|three|\d+)\s+days)\b/,
    /\b(?:doesn'?t|does\s+not|don'?t|won'?t|didn'?t|refus\w+\s+to)\s+(?:want\s+to\s+)?go\s+home\b|\bscared\s+(?:to\s+go|of\s+going)\s+home\b/,
    new RegExp(
      String.raw`\bbruis(?:es|ing|ed|e)\b.{0,100}\b(?:at\s+home|${FAMILY})\b|\b(?:at\s+home|${FAMILY})\b.{0,100}\bbruis(?:es|ing|ed|e)\b`,
    ),
    /\btold\s+me\s+(?:that\s+)?(?:he|she|they)\s+(?:is|are|was|were)\s+(?:being\s+)?(?:hurt|abused|beaten|scared\s+to\s+go\s+home)\b/,
  ],
  'sexual-image': [
    /\bnudes?\b|\bnaked\b|\btopless\b|\bsexting\b|\bporn\w*|\bdick\s?pics?\b|\bupskirt\w*|\bonly\s?fans\b|\bprivate\s+parts\b|\bsexual\s+(?:acts?|stuff|things|content|videos?)\b|\bsex\s+(?:video|tape|act)s?\b/,
    /\b(?:showed|shows|showing|exposed|flashed)\s+(?:her|him|them|me|us)\s+(?:his|her|their)\s+(?:willy|penis|privates|bits|private\s+parts|thing)\b|\bexposed\s+(?:him|her)sel(?:f|ves)\b|\bflash(?:ed|ing)\s+(?:at\s+)?(?:her|him|them|the\s+(?:kids|children|girls|boys))\b/,
    /\bsend\s+one\s+back\b|\b(?:send|sending|sent|asking\s+for|asked\s+for|wants?)\s+(?:him\s+|her\s+|me\s+|them\s+)?(?:a\s+)?pic(?:ture)?\s+of\s+(?:it|his\s+(?:thing|bits)|her\s+(?:body|chest|boobs|bum))\b/,
    /\b(?:no|without\s+(?:a|her|his|their|any))\s+(?:top|clothes|shirt|t-?shirt|bra|pants|trousers)\s+on\b|\b(?:pants|trousers)\s+down\b/,
    new RegExp(
      String.raw`\b(?:explicit|indecent|inappropriate|sexual|sexy|dirty|rude|x-rated)\s+(?:\w+\s+)?${IMAGE}|\b${IMAGE}\s+(?:of\s+(?:[\w']+\s+){1,3})?in\s+(?:a\s+|her\s+|his\s+|their\s+)?(?:bikini|underwear|swimsuit|bra|pants|lingerie)\b`,
    ),
  ],
  grooming: [
    /(?<!\b(?:dog|pet|hair|well|pony|horse|horses|ponies)[-\s])\bgroom(?:ing|ed|er|s)?\b(?!\s+(?:products?|salon|parlour|business))/,
    /\b(?:told|tells|telling|asked|asks|asking)\s+(?:him|her|them)\s+(?:not\s+to\s+tell|to\s+keep\s+(?:it|this|\w+\s+\w+)\s+(?:a\s+)?secret)/,
    /\bour\s+(?:little\s+)?secret\b/,
    /\b(?:asking|asked|asks|wants|wanted|wanting)\s+(?:for\s+)?(?:her|his|their)\s+(?:home\s+)?(?:address|location)\b|\basked\s+(?:her\s+|him\s+)?where\s+(?:she|he|they)\s+lives?\b/,
    /\bpretend(?:ing|ed|s)?\s+to\s+be\s+(?:a|an)\s+(?:\w+\s+)?(?:girl|boy|kid|child|teenager|teen|scout|agent|model\w*|photographer)\b/,
    /\b(?:county\s+lines|criminal\s+exploitation|sexual\s+exploitation|drug\s+runner)\b/,
    /\b(?:doing|do|does|did)\s+(?:runs|drops|drop-offs)\b|\bpicked\s+up\s+(?:\w+\s+){0,3}by\s+(?:older|different)\s+(?:lads|men|boys|guys|people)\b/,
    /\bmature\s+for\s+(?:his|her|their|your)\s+age\b|\bask\w*\s+(?:\w+\s+){0,3}what\s+(?:he|she|they|you)\s*(?:'s|'re|is|are)?\s*wearing\b/,
    /\b(?:whether|if)\s+(?:his|her|their|your)\s+(?:parents|mum|dad|carers?)\s+(?:are|is)\s+(?:in|home|out|around|away)\b/,
    new RegExp(
      String.raw`\b(?:gifts?|presents?|money|cash|credit|trainers|vapes?|phones?|clothes|drugs|weed)\b.{0,40}\bfrom\s+(?:a|an|some|this|that)\s+(?:older\s+)?(?:man|men|adult|guy|stranger|bloke)\b`,
    ),
  ],
  sextortion: [/\bsextort\w*|\bblackmail\w*/],
  extremism: [
    /\bradicali[sz]\w*|\bextremis[tm]\w*|\bterroris[tm]\w*|\bneo[-\s]?nazi/,
    /\bnazi\s+(?:propaganda|salutes?|symbols?|flags?|videos?|memes?|stuff|content|music)\b/,
    /\bwhite\s+(?:power|supremac\w*)\b|\bfar[-\s]right\b|\bhate\s+preacher|\b(?:isis|daesh|jihad\w*|al[-\s]qaeda)\b|\brace\s+war\b|\bgreat\s+replacement\b|\bincels?\b/,
    /\bnon[-\s]?believers?\s+(?:deserve|should|must|will)\b|\binfidels?\b/,
    new RegExp(
      String.raw`\bswastikas?\b(?=.{0,150}\b(?:propaganda|movement|videos?|nazi|hitler|white\s+power|sharing|shares|tattoo|flag)\b)|\b(?:propaganda|movement|nazi|hitler|sharing|shares)\b.{0,150}\bswastikas?\b`,
    ),
    /\b(?:white|ethno)[-\s]?nationalis\w*|\bmass\s+shooters?\b|\b(?:need|needs)\s+(?:removing|wiping\s+out|exterminat\w*)\b/,
    /\bsonnenrad\b|\bactive\s+club\b|\btotenkopf\b|\b1488\b|\bfemoids?\b|\b(?:was|is)\s+a\s+hero\b.{0,80}\b(?:do\s+the\s+same|should\s+(?:do|copy))\b|\bmartyrs?\b|\bprais\w*\s+(?:the\s+)?(?:attacks?|bombings?|shootings?|terrorists?)\b/,
    /\breplacement\s+is\s+(?:happening|coming|real)\b|\b(?:go|going|went)\s+(?:and\s+|to\s+)?fight\s+(?:abroad|overseas|for\s+(?:the|a)\s+cause)\b/,
    /\bhitler\s+(?:was|is)\s+(?:right|a\s+hero|good)\b|\b(?:should|deserve\s+to|needs?\s+to)\s+(?:all\s+)?(?:be\s+)?(?:gassed|wiped\s+out|exterminated)\b/,
    /\b(?:part\s+of|joined|join|recruit\w*\s+(?:him|her|them|\w+)\s+(?:to|into))\s+(?:a|the|an)\s+(?:\w+\s+)?(?:movement|militia|brotherhood)\b/,
  ],
  'violence-threat': [
    new RegExp(
      String.raw`\b(?:will|'ll|going\s+to|gonna|threaten\w*\s+to|wants?\s+to|promised\s+to|plans?\s+to|planning\s+to|(?:he|she|they)\s*(?:'d|would))\s+(?:\w+\s+)?(?:kill|stab|shoot|murder|hurt|batter|beat\s+up|beat|smash|slash|knife|jump|end|burn)\s+(?:up\s+)?${PERSON}\b`,
    ),
    /\bdeath\s+threats?\b/,
    /\b(?:bring|bringing|brought|carry|carrying|carried|holding|held|waving|pulled\s+out|has\s+got|got)\s+(?:a|an|his|her|their|your|ur|my|the|some)\s+(?:[\w']+\s+)?(?:knife|knives|gun|guns|machetes?|weapons?|firearms?|blades?|shanks?)\b/,
    /\b(?:get\s+hold\s+of|buy|buying|get|getting|make|making)\s+(?:a\s+)?(?:gun|firearm|bomb|explosives?)\b/,
    /\b(?:getting|gets|get|will\s+get|gonna\s+get|going\s+to\s+get)\s+(?:shot|stabbed|jumped|merked|battered|shanked)\b/,
    /\b(?:smash|kick|cave)\s+(?:[\w']+\s+){0,2}(?:head|face|teeth)\s+in\b|\bgets?\s+it\b.{0,80}\b(?:gun|rifle|knife|blade|weapon|machete)\b|\b(?:gun|rifle|knife|blade|machete)\b.{0,80}\bgets?\s+it\b/,
    /\b(?:photo|pic|picture|video|vid)\s+of\s+(?:a|his|her|their|the)\s+(?:\w+\s+)?(?:gun|knife|machete|weapon|rifle|air\s+rifle)\b|\bhit\s+list\b|\b(?:get|gets|getting)\s+it\s+first\b/,
    /\b(?:knife|knives|blade|gun|machete|weapon)\b.{0,40}\bin\s+(?:his|her|their|my)\s+(?:bag|pocket|blazer|locker|coat|waistband)\b/,
    /\b(?:knife|knives|blade|gun|machete)\b.{0,30}\b(?:taped|hidden|stashed|buried)\b|\b(?:found|hidden|stashed)\s+(?:a|an)\s+(?:\w+\s+)?(?:knife|blade|gun|machete)\b/,
    /\b(?:shoot|bomb|blow)\s+up\s+(?:the\s+|our\s+|this\s+|that\s+|your\s+|my\s+)?school\b|\bschool\s+shooting\b/,
    /\bwaiting\s+(?:outside|at|by)\s+(?:the\s+)?(?:gates?|school)\b.{0,60}\bwith\s+(?:something|a\s+surprise)\b/,
  ],
  'danger-now': [
    /\b(?:in|into|inside)\s+(?:a|the|some)\s+(?:\w+\s+)?(?:car|van)\s+with\s+(?:some\s+)?(?:men|a\s+man|strangers?|adults?|guys|older\s+\w+|people\s+(?:she|he|they)\s+(?:doesn'?t|don'?t)\s+know)/,
    /\b(?:doesn'?t|does\s+not|don'?t|do\s+not|didn'?t)\s+know\s+where\s+(?:she|he|they)\s+(?:is|are|was|were)\b/,
    /\b(?:she|he|they|pupil|child|boy|girl|son|daughter)\s+(?:has|have|had|is|are|was|were)\s+(?:gone|been|went|run)\s+missing\b|\bmissing\s+from\s+(?:home|care)\b/,
    /\b(?:ran|run|running|gone|went)\s+away\s+from\s+home\b|\b(?:hasn'?t|has\s+not|didn'?t|did\s+not|never)\s+(?:come|came|gone|got|made\s+it)\s+home\b/,
    /\bkidnap\w*|\babduct\w*|\btraffick\w*/,
    /\btalking\s+to\s+(?:a|an|some)\s+(?:older\s+)?(?:man|men|stranger)\s+in\s+a\s+(?:car|van)\b|\bwe'?ve\s+searched\s+(?:the|everywhere)|\bcan'?t\s+(?:find|locate)\s+(?:her|him|them)\s+anywhere\b/,
    /\b(?:ran|run|running|gone|went)\s+(?:out|off)\b.{0,60}\b(?:railway|train\s+line|tracks|river|canal|motorway|main\s+road|dual\s+carriageway)\b/,
    /\b(?:has\s*n'?t|has\s+not|not)\s+been\s+seen\s+since\b|\bran\s+off\s+with\s+(?:a|an|some|this)\s+(?:older\s+)?(?:man|men|guy|adult|stranger)\b/,
    /\b(?:got|get|getting|gets)\s+in(?:to)?\s+(?:a|the|some)\s+(?:\w+\s+)?(?:car|van)\s+with\s+(?:a|an|some|two|three)\s+(?:older\s+)?(?:man|men|guys|adults?|strangers?)\b/,
    /\b(?:is|are|being)\s+(?:in\s+danger|followed\s+home|held\s+somewhere)\b/,
    /\b(?:on|up\s+on|onto)\s+(?:a|the)\s+(?:\w+\s+){0,3}(?:roof|ledge|bridge|cliff)\b.{0,80}\b(?:edge|jump|fall|won'?t\s+come\s+down|will\s+not\s+come\s+down|refus\w*\s+to\s+come\s+down)\b/,
    /\b(?:went|gone|going|go|left)\s+to\s+meet\s+(?:up\s+with\s+)?(?:someone|somebody|a\s+man|a\s+guy|a\s+stranger|an?\s+\w+)\s+(?:\w+\s+)?(?:from|off|she|he|they)\s+(?:online|the\s+internet|met\s+online|snap\w*|insta\w*|tiktok|discord|roblox|an?\s+app)\b/,
  ],
};

/** Harms a child tells of about themselves or their home: never set aside as a lesson topic. */
const TOLD_OF_SELF: Harm[] = ['suicide', 'self-harm', 'abuse-disclosure'];

/**
 * Signs too weak alone that together tell of a harm, the way staff describe it without naming it:
 * a harm is read when the first group and at least one other group each appear in one message.
 */
const COMBINED: [Harm, RegExp[]][] = [
  [
    'suicide',
    [
      /\b(?:won'?t|wont|will\s+not)\s+(?:be\s+(?:around|here|about)|need\s+(?:them|it|this))\b|\bwhere\s+i'?m\s+going\b|\bnone\s+of\s+(?:this|it)\s+matters\b|\bnobody\s+would\s+(?:even\s+)?(?:notice|care|miss)\b|\bif\s+(?:he|she|i)\s+(?:wasn'?t|was\s+not|weren'?t)\s+(?:about|around|here)\b|\bgave\s+(?:away\s+)?(?:\w+\s+){0,3}(?:his|her|all)\b|\bgiving\s+away\b/,
      /\bbridge\b|\bpills\b|\btablets\b|\bparacetamol\b|\brope\b|\brailway\b|\btrain\s+tracks\b|\bledge\b|\bfor\s+research\b/,
      /\breally\s+(?:flat|low|down)\b|\bwithdrawn\b|\bhopeless\b|\bsince\s+(?:his|her)\s+\w+\s+(?:died|passed)\b|\bno\s+one\s+cares\b|\bnobody\s+cares\b|\bwon'?t\s+be\s+around\s+to\b/,
    ],
  ],
  [
    'self-harm',
    [
      /\b(?:cuts|lines|marks|scratches|scars|plasters|bandages|bandaged|burns|wounds|bleeding|bled)\b|\bpress\w*\s+(?:a|the)\s+(?:compass|blade|pen|pencil)|\bdigging\s+(?:a|the|his|her)\b/,
      new RegExp(String.raw`\b${BODY}\b`),
      /\b\d+\s+days?\s+clean\b|\bhow\s+to\s+hide\b|\bclean\s+streak\b|\brelapse\w*\b|\bhelps?\s+(?:me|him|her|them)\s+(?:stop\s+thinking|cope|feel|calm)\b|\bsleeves\s+(?:down|pulled)\b|\bbit\s+too\s+neat\b|\bdoing\s+it\s+again\b/,
    ],
  ],
  [
    'grooming',
    [
      /\b(?:a\s+man|men|older\s+(?:lads|boys|guys|man|men|guy)|adult|stranger|about\s+(?:1[89]|[2-9]\d)|(?:he|she)\s+drives|someone\s+(?:he|she)\s+met\s+online|(?:a\s+)?mate\s+(?:he|she)\s+met\s+on|met\s+(?:on|online|through)\s+\w+)\b/,
      /\b(?:gifts?|trainers|ipad|phones|cash|wad|ps5|vapes?|hand\s+over|free\s+\w+|new\s+(?:phone|trainers|clothes))\b/,
      /\bdelete\s+(?:their|the|all|his|her)\s+(?:chats|messages)\b|\bwouldn'?t\s+(?:get|understand)\s+it\b|\bsecret\b|\bmoved\s+(?:chatting\s+)?to\s+(?:another|a\s+different)\s+app\b/,
      /\bmeet\s+(?:him|her|up)\b|\bpick(?:ed|s|ing)?\s+(?:him|her)\s+up\b|\bdriving\b|\bhis\s+flat\b|\bout\s+of\s+town\b/,
    ],
  ],
  [
    'danger-now',
    [
      /\b(?:didn'?t|did\s+not|hasn'?t|has\s+not)\s+(?:come|came)\s+back\b|\blost\s+sight\s+of\b|\bbolted\b|\bran\s+off\b|\bcan'?t\s+find\s+(?:her|him|them)\b|\bmissing\b/,
      /\bwe'?ve\s+(?:checked|searched|looked)\b|\bnot\s+at\s+home\b|\bnot\s+answering\b|\bgate\s+(?:was\s+)?(?:left\s+)?open\b|\bmain\s+road\b|\bring\s+(?:the\s+)?police\b|\b\d+\s+mins?\s+now\b/,
    ],
  ],
  [
    'abuse-disclosure',
    [
      new RegExp(String.raw`\b${FAMILY}\b`),
      /\bthrows?\s+(?:stuff|things)\s+at\b|\bcaught\s+(?:her|his|my)\s+head\b|\bsecret\s+game\b|\bbath\s*time\b|\bnot\s+allowed\s+to\s+tell\b|\bdon'?t\s+ring\s+home\b|\bmake\s+it\s+(?:\w+\s+)?worse\b|\bbig\s+trouble\b|\bscared\s+of\s+(?:him|her)\b/,
    ],
  ],
  [
    'abuse-disclosure',
    [
      /\bno\s+food\s+in\b|\bno\s+coat\b|\bsame\s+(?:jumper|clothes|uniform)\b|\b(?:mum|dad|mam|mom)\s+(?:hasn'?t|has\s+not)\s+been\s+(?:back|home)\b/,
      /\bno\s+food\s+in\b|\bno\s+coat\b|\bsame\s+(?:jumper|clothes|uniform)\b|\btake\s+(?:the\s+)?(?:\w+\s+)?(?:rolls|food|bread)\s+home\b|\bhungry\b/,
    ],
  ],
  [
    'sexual-image',
    [
      new RegExp(String.raw`\b${IMAGE}\b|\bvideo\s+chat\s+sites?\b|\bcame\s+on\s+(?:the\s+)?(?:camera|cam|screen)\b`),
      /\b(?:less|not\s+much|nothing)\s+on\b|\b(?:hasn'?t|has\s+not|haven'?t)\s+got\s+(?:much|anything)\s+on\b|\bno\s+clothes\b|\bexpos(?:ed|ing)\s+(?:him|her|them)sel(?:f|ves)\b|\bbeing\s+rude\b|\bundress\w*\b/,
    ],
  ],
];

/** The first group's sign and another group's sign both appear (the same sign cannot count twice). */
function readsTogether(text: string, [first, ...others]: RegExp[]): boolean {
  const lead = first!.exec(text);
  if (!lead) return false;
  const global = (r: RegExp) => new RegExp(r.source, 'g');
  return others.some((group) =>
    [...text.matchAll(global(group))].some((hit) => !(hit.index === lead.index && hit[0] === lead[0])),
  );
}

/** A threat to share an image unless something is done: with an image, the shape of sextortion. */
const THREAT_TO_SHARE =
  /\bor\s+(?:the\s+)?(?:pics|photos|pictures|videos?|vids?|nudes)\s+(?:go|goes|get|gets|will\s+go|will\s+get)\s+(?:out|posted|sent|shared)\b|\bif\s+(?:i|he|she|you|they)\s+(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+(?:send|pay)\b|\bunless\s+(?:he|she|they|you)\s+(?:pays?|sends?|gives?|does|transfers?)\b|\b(?:or|otherwise)\s+(?:else\s+)?(?:they|he|she|it)\s*(?:'ll|will|would|'d)?\s+(?:send|post|share|leak|show|upload|expose|put|go)\b|\b(?:will|'ll|gonna|going\s+to)\s+(?:send|post|share|leak|show|upload|expose)\s+(?:it|them|the\s+\w+)\b.{0,40}\b(?:unless|if\s+(?:he|she|they)\s+(?:doesn'?t|don'?t|does\s+not|won'?t))\b|\b(?:or|otherwise|unless|else)\s+(?:he|she|they|it)\s*(?:'ll|will|would|'d|is\s+going\s+to|are\s+going\s+to|gonna)\s+(?:send|post|share|leak|show|upload|expose|put)\b|\bthreaten\w*\s+to\s+(?:send|post|share|leak|expose|upload)\b/;
const RECORDED = new RegExp(
  String.raw`\b(?:screen\s?-?record\w*|record\w*|filmed|${IMAGE}|nudes?|naked|video\s+call\w*|video\s+chat\w*)\b`,
);
const DEMAND =
  /\b(?:pay|send\s+money)\s+(?:by|before|or)\b|\b(?:demand\w*|wants?|asking\s+for|asks\s+for|pay|pays|paid|send)\b.{0,30}(?:£\s?\d+|\$\s?\d+|money|cash|gift\s?cards?|crypto|bitcoin|more\s+(?:pics|photos|videos|vids|nudes))/;
const TEACHING =
  /\b(?:history|re|pshe|citizenship)\s+(?:lesson|class|topic)|\b(?:assembly|slides|resources|lesson\s+plan|scheme\s+of\s+work|online\s+safety\s+day)\b|\bwe\s+(?:looked\s+at|studied|discussed|watched|covered)\b|\b(?:in|during)\s+(?:the\s+)?lesson\s+on\b/;
const JEST =
  /\b(?:laughing|laughed|joking|joked|only\s+joking|banter|lol|haha\w*|messing\s+about|mucking\s+about|play[-\s]?fight\w*|in\s+jest|as\s+a\s+joke)\b/;
const ADULT_AGE =
  /\bin\s+(?:his|her|their)\s+(?:20s|30s|40s|50s|twenties|thirties|forties|fifties)\b|\blike\s+(?:[2-9]\d)\b(?!\s*(?:min|minutes|seconds|mins|%|pupils|kids|children|students|followers|likes|times))|\b(?:is|aged?|who'?s|he'?s|she'?s)\s+(?:1[89]|[2-9]\d)\b(?!\s*(?:min|minutes|seconds|mins|%|pupils|kids|children|students|followers|likes))|\b(?:1[89]|[2-9]\d)\s?(?:yo|y\/o|yrs?\s+old|years?\s+old|year-old)\b/;
const ADULT = /\b(?:a\s+man|men|grown\s+man|adult|older\s+(?:man|guy|men|person|lad)|stranger|strangers)\b/;
const CLOSE_CONTACT =
  /\b(?:boyfriend|girlfriend|dating|facetime|video\s?call|meet\s+(?:up|her|him|them)|met\s+(?:her|him|them|up)|gifts?|presents?|robux|v-?bucks|send\s+(?:her|him|them)\s+money|secret|party|(?:his|her|their)\s+(?:flat|house|place)|vapes?|alcohol|weed|lifts?)\b/;

/**
 * Turns of phrase that look like harm and are not: removed before reading. Kept short on
 * purpose: most everyday phrases never match, because the patterns ask for a person.
 */
const IDIOMS = [
  // Planning a lesson on a hard topic: "the new self harm awareness lesson plans".
  /\b(?:self[-\s]?harm|suicide|grooming|sexting|nudes?|online\s+safety|extremism|radicali[sz]ation|consent)\s+(?:awareness\s+)?(?:lessons?|lesson\s+plans?|assembl(?:y|ies)|workshops?|training|sessions?|resources|slides|week|day)\b/g,
  /\b(?:literally|actually)\s+(?:going\s+to|gonna)\s+die\b/g,
  // The writer about their own day: "if I have to do one more duty I'm going to die".
  /\bif\s+i\s+[^.!?]{0,60}\bi'?m\s+(?:going\s+to|gonna)\s+die\b/g,
  /\bnude\s+(?:statues?|sculptures?|paintings?|drawings?|models?|figures?)\b|\blife\s+drawing\b/g,
  // A lesson's or a talk's topic is not a disclosure: "the PSHE lesson on self-harm".
  /\b(?:lessons?|assembly|assemblies|talk|session|workshop|topic|unit|training|slides|resources|materials|powerpoint)\s+(?:on|about|covering)\s+(?:[\w'-]+\s+){0,3}/g,
  // Asked about in a lesson, not shown: "whether looking at porn is a sin".
  /\b(?:whether|if|about)\s+(?:\w+\s+){0,3}porn\w*\s+(?:is|was|are)\b/g,
  /\b(?:is|are|was|'s|'re|it'?s|its)\s+killing\s+(?:me|us)\b/g,
  // Said of family and bosses in jest; "he'll kill me" is still read as a threat.
  /\b(?:mum|mam|mom|dad|parents?|wife|husband|partner|boss|head)(?:'?s)?\s*(?:will|'ll|is\s+going\s+to|is\s+gonna|gonna|going\s+to|would|'d)\s+(?:kill|murder)\s+me\b/g,
  /\bi\s+(?:could|could\s+have|could've)\s+(?:kill|killed|murder|murdered)\s+(?:him|her|them)\b/g,
];

/** Shorthand staff (and pupils they quote) use for the worst things. */
const SHORTHAND: [RegExp, string][] = [
  [/\b(do|does|did|is|was|has|have|had|wo|ca|could|would|should|are|were)nt\b/g, "$1n't"],
  [
    /\b(he|she|it|that|there|what)s\b(?=\s+(?:been|going|gonna|got|not|a|the|in|on|at|being|just|never|always|so|really|\w+ing|\w+ed)\b)/g,
    "$1's",
  ],
  // Not "we": "well", "were" and "wed" are words.
  [/\b(they|you)(re|ll|ve|d)\b/g, "$1'$2"],
  [/\bim\b/g, "i'm"],
  [/\bive\b/g, "i've"],
  [/\bur\b/g, 'your'],
  [/\bkms\b/g, 'kill myself'],
  [/\bkys\b/g, 'kill yourself'],
  [/\bunaliv(?:e|ed|ing)\b/g, 'kill'],
  [/\bsewerslide\b/g, 'suicide'],
  [/\bs\/h\b/g, 'self-harm'],
];

/**
 * Words distinctive enough that a near-miss is a typo for them ("sucidal", "blackmale"). Short
 * or common words are left out: "cutting" is one letter from "putting".
 */
const TYPO_TARGETS = [
  'suicide',
  'suicidal',
  'overdose',
  'overdosed',
  'blackmail',
  'blackmailed',
  'blackmailing',
  'sextortion',
  'grooming',
  'groomed',
  'radicalised',
  'radicalized',
  'extremist',
  'extremism',
  'swastika',
  'swastikas',
  'self-harm',
  'selfharm',
  'self-harming',
  'kidnapped',
];

/** The nearest distinctive word within one edit (two for long words), or the token itself. */
function correctTypo(token: string): string {
  if (token.length < 6 || TYPO_TARGETS.includes(token)) return token;
  const allowed = token.length >= 9 ? 2 : 1;
  for (const target of TYPO_TARGETS) {
    if (target[0] === token[0] && Math.abs(target.length - token.length) <= allowed) {
      if (distance(token, target) <= allowed) return target;
    }
  }
  return token;
}

export interface ReadingOptions {
  /** Correct near-misses of distinctive words before reading (on by default; off only to measure what it adds). */
  typos?: boolean;
}

/** Lower case, plain quotes, scare quotes dropped ("'end' him" reads "end him"), shorthand spelled out. */
function normalise(text: string, options: ReadingOptions = {}): string {
  let t = text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(^|[\s(])['"]+|['"]+(?=[\s).,!?;:]|$)/g, '$1')
    .replace(/\s+/g, ' ');
  for (const [pattern, words] of SHORTHAND) t = t.replace(pattern, words);
  if (options.typos !== false) t = t.replace(/[a-z][a-z-]{4,}/g, correctTypo);
  for (const idiom of IDIOMS) t = t.replace(idiom, ' ');
  return t;
}

/** Every harm the words describe, in the order of HARMS. */
export function readHarms(text: string, options: ReadingOptions = {}): Harm[] {
  const t = normalise(text, options);
  const found = new Set<Harm>(HARMS.filter((harm) => SIGNS[harm].some((sign) => sign.test(t))));
  if ((THREAT_TO_SHARE.test(t) || DEMAND.test(t)) && RECORDED.test(t)) found.add('sextortion');
  // An adult in a close, secret or gift-giving relationship with a child online.
  if ((ADULT_AGE.test(t) || ADULT.test(t)) && CLOSE_CONTACT.test(t)) found.add('grooming');
  for (const [harm, groups] of COMBINED) if (readsTogether(t, groups)) found.add(harm);
  // "I'm gonna kill you" across a football pitch, both laughing: play, not a threat. Only a threat
  // with nothing else behind it is let go this way.
  if (found.size === 1 && found.has('violence-threat') && JEST.test(t)) found.clear();
  // What a lesson, an assembly or its slides cover is the curriculum, not something that happened;
  // never so for what a child may be telling of about themselves or their home.
  const planned = [...found].every((h) => !TOLD_OF_SELF.includes(h));
  if (found.size > 0 && planned && TEACHING.test(t)) found.clear();
  return HARMS.filter((harm) => found.has(harm));
}
