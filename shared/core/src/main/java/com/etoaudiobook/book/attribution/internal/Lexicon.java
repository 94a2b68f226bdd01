package com.etoaudiobook.book.attribution.internal;

import java.util.Set;

/** Small built-in English word lists used by the attribution rules. */
final class Lexicon {
  private Lexicon() {
  }

  private static Set<String> set(String words) {
    // Tolerates duplicates, unlike Set.of: the lists are easier to extend that way.
    return Set.copyOf(java.util.Arrays.asList(words.trim().split("\\s+")));
  }

  /** Verbs that introduce speech or thought, in the forms narration uses them. */
  static final Set<String> SPEECH_VERBS = set("""
      said says say asked asks replied replies answered answers cried cries exclaimed exclaims
      shouted shouts whispered whispers muttered mutters murmured murmurs remarked remarks
      observed observes continued continues added adds began begins thought thinks repeated
      repeats called calls returned returns rejoined rejoins retorted retorts declared declares
      explained explains inquired inquires enquired enquires demanded demands interrupted
      interrupts pleaded pleads protested protests suggested suggests screamed screams sighed
      sighs laughed laughs growled growls grumbled grumbles sobbed sobs groaned groans urged
      urges persisted persists pursued pursues resumed resumes insisted insists admitted admits
      decided decides agreed agrees responded responds ventured ventures stammered stammers
      yelled yells roared roars snapped snaps hissed hisses concluded concludes warned warns
      announced announces commented comments conceded concedes corrected corrects faltered
      falters gasped gasps giggled giggles grunted grunts howled howls moaned moans mumbled
      mumbles objected objects panted pants proclaimed proclaims queried queries quoth reasoned
      reflected reflects sang sings shrieked shrieks snarled snarls sneered sneers spluttered
      stuttered wailed wails whined whines wondered wonders echoed echoes sniffed sniffs
      squeaked squeaks recited recites reminded reminds asserted asserts argued argues boasted
      boasts chuckled chuckles drawled drawls mused muses smiled smiles spoke speaks breathed
      confessed confesses confided assented assents interposed interposes remonstrated
      expostulated ejaculated hazarded offered offers prompted prompts sobbed snorted snorts
      grinned grins cooed purred whimpered bellowed bawled chorused chimed piped retorted
      teased scolded scolds soothed explained blurted stormed insinuated murmured returned
      told tells shouted subjoined hummed saying asking crying adding answering replying
      calling shouting whispering muttering murmuring exclaiming thinking repeating continuing
      singing humming remarking observing explaining inquiring enquiring demanding
      interrupting protesting suggesting screaming sighing laughing growling grumbling
      sobbing groaning urging declaring returning rejoining retorting pleading squeaking
      begging begged says""");

  /** A speech verb, or the -ing form of one listed in the past ("ejaculating", "observing"). */
  static boolean isSpeechVerb(String l) {
    if (SPEECH_VERBS.contains(l)) {
      return true;
    }
    if (l.length() > 5 && l.endsWith("ing")) {
      String stem = l.substring(0, l.length() - 3);
      return SPEECH_VERBS.contains(stem + "ed") || SPEECH_VERBS.contains(stem + "ded")
          || SPEECH_VERBS.contains(stem + "ped");
    }
    return false;
  }

  /** Verbs that are speech verbs only with a particle: "went on", "broke in", "put in". */
  static final Set<String> PARTICLE_VERBS = set("went goes broke breaks put puts cut cuts");
  static final Set<String> PARTICLES = set("on in out");

  static final Set<String> MALE_PRONOUNS = set("he him his himself");
  static final Set<String> FEMALE_PRONOUNS = set("she her hers herself");

  /** Words that may sit between a speaker and a speech verb: "Alice then said", "he had said". */
  static final Set<String> FILLERS = set("""
      then again also now presently still once had has have was were is did does just
      instantly immediately suddenly quickly slowly softly quietly gravely at last length
      first only would could should might must will shall can""");

  /** Lowercase words that may precede a name in a speaker slot: "said poor Alice". */
  static final Set<String> MODIFIERS = set("poor little old young dear good the a an");

  /** Words that open a clause whose subject follows: "so Alice began", "and Piglet said". */
  static final Set<String> CLAUSE_OPENERS = set("""
      and but then so as when while until till because if though although since yet or
      where whereupon after before once""");

  static final Set<String> DETERMINERS = set("the a an his her their my our your its this that");

  /** Titles; the gender of a title decides the gender of the name it precedes. */
  static final Set<String> MALE_TITLES = set("""
      mr mister sir lord monsieur king prince duke count baron master father uncle marquis
      marquess earl viscount signor signore herr senor squire
      colonel captain major general lieutenant sergeant admiral cap’n cap'n""");
  static final Set<String> FEMALE_TITLES = set("""
      mrs miss ms lady madame mme mademoiselle mlle madam queen princess duchess countess
      baroness dame mistress aunt sister signora signorina frau fraulein senora senorita""");
  static final Set<String> NEUTRAL_TITLES = set("dr doctor professor prof rev reverend judge cousin");
  /** Titles written after the name: "Hamidullah Begum", "Collector Sahib", "Ali Bey". */
  static final Set<String> MALE_POSTFIX_TITLES = set("sahib bey pasha effendi");
  static final Set<String> FEMALE_POSTFIX_TITLES = set("begum hanim khanum memsahib");
  static final Set<String> POSTFIX_TITLES = set("sahib bey pasha effendi begum hanim khanum memsahib");
  /** Titles that name a character on their own ("the Duchess", "the Captain"). */
  static final Set<String> STANDALONE_TITLES = set("""
      king queen prince princess duke duchess count countess baron baroness colonel captain
      marquis marquess earl viscount marchioness
      major general lieutenant sergeant admiral doctor professor judge squire""");

  /** Capitalised words that are never (part of) a character name. */
  static final Set<String> STOP = set("""
      i i'm i'll i've i'd the a an and but or nor if then when what who whom whose why where
      how which yes no oh ah o well now there here this that these those it he she they we you
      his her their our my your its him them me us not so as at in on for with by of to from
      into onto upon about over under after before while though although because since until
      till still yet even also again once never always sometimes soon such same other another
      both either neither more most much many few little first last next do does did is was
      are were be been being have has had will shall would should could can may might must let
      all some any every each one two three four five six seven eight nine ten hundred
      thousand chapter book part volume section end god heaven heavens hell lord's madam ma'am
      dear good very just only please thank thanks perhaps indeed nothing everything everybody
      nobody somebody anybody something anything someone anyone everyone no-one none ha hm
      hum hem alas ay aye nay hush hurrah bravo look see come go mind why, whatever whoever
      however wherever whenever hallo hello hullo goodbye good-bye good-night good-morning
      sure certainly really quite rather almost already meanwhile besides instead otherwise
      therefore thus hence too
      ere thou thee thy thine hath doth shalt wilt whither whence hither thither oft yea lo
      whereat whereupon wherein whereof whereby wherefore thereupon thereat therein thereof
      whilst unlike amid amidst beneath beside beyond despite except like toward towards
      without within across along among amongst around behind below between through throughout
      monday tuesday wednesday thursday friday saturday sunday christmas easter
      english french german italian american british spanish roman europe america england
      london paris rome""");
  /** Words that open a sentence before a name without being part of it ("Hitherto Gino"). */
  static final Set<String> SENTENCE_ADVERBS = set("""
      hitherto thereupon whereupon accordingly afterwards moreover nevertheless nonetheless
      meanwhile anyhow somehow hence yesterday today tonight tomorrow poor dear old young
      little later earlier presently suddenly unfortunately luckily happily sadly instantly
      below above outside inside downstairs upstairs""");
  static final Set<String> MONTHS = set("""
      january february march april may june july august september october november december""");

  /** Prepositions that usually precede a place rather than a person. */
  static final Set<String> PLACE_PREPOSITIONS = set("in at from into near towards toward through via to of across over");

  /** Prepositions that precede a place, hardly ever a person, even in dialogue. */
  static final Set<String> STRONG_PLACE_PREPOSITIONS = set("in at from into near through via across towards toward");

  /** Words before a capitalised noun that make it a place or a kind, not a person's name. */
  static final Set<String> THING_MARKERS = set("in inside into within near across through via a an");

  /** Last words of names of places, buildings and things: "Harley Street", "the Grand Hotel". */
  static final Set<String> PLACE_NOUNS = set("""
      street square road lane avenue place park gardens garden terrace row crescent hill
      bridge river lake sea ocean island islands bay valley mountain mountains station hotel
      inn house hall abbey church chapel cathedral college school university museum theatre
      theater opera club court castle palace tower gate gates city town village county
      country street's caves cave temple mosque hospital railway line company bank office
      casino bible voice farm farmhouse farm-house manor cottage lodge heights vicarage
      rectory parsonage wharf quay""");

  /** Titles in the plural: "the Misses Smith", "Mesdames Jones" are several people. */
  static final Set<String> PLURAL_TITLES = set("misses mesdames messrs messieurs");

  static final Set<String> MALE_NOUNS = set("""
      man gentleman boy lad youth fellow husband father uncle brother son nephew king prince
      lord duke sir master grandfather monk priest knight papa host gentleman's old-man daddy
      grandpa""");
  static final Set<String> FEMALE_NOUNS = set("""
      woman lady girl lass wife mother aunt sister daughter niece queen princess duchess
      mistress grandmother nun maid maiden widow mamma mama hostess governess nanny nurse granny
      grannie grandma mummy mammy auntie""");

  /** A few hundred common English first names, to guess gender. */
  static final Set<String> MALE_NAMES = set("""
      aaron adam alan albert alexander alfred andrew anthony arthur ben benjamin bernard bill
      bob charles charlie christopher daniel david dick donald douglas edgar edmund edward
      edwin eric ernest eugene frank frederick fred george gerald gilbert harold harry henry
      herbert hugh jack jacob james jim jimmy joe john jonathan joseph julian kenneth lawrence
      leonard lewis louis mark martin matthew michael nicholas oliver patrick paul peter philip
      ralph raymond richard robert roger ronald samuel simon stephen steven thomas tim timothy
      tom tony victor walter william willie fitzwilliam randolph ned ted will hal jem sam
      abraham basil cecil claude darcy felix francis geoffrey giles guy horace howard humphrey
      isaac ivan jasper laurence luke max maurice nathaniel neville nigel percy rupert sebastian
      silas theodore tristram vincent wilfred reginald archibald augustus montague percival
      valentine""");
  static final Set<String> FEMALE_NAMES = set("""
      abigail ada agnes alice amelia amy angela ann anna anne annie barbara beatrice bella
      betty beth caroline catherine charlotte clara dorothy edith eleanor elinor elizabeth ella
      ellen elsie emily emma esther eva evelyn fanny flora florence frances grace hannah harriet
      helen irene isabel isabella jane janet jean jennifer jenny jessica jo joan josephine judith
      julia kate katherine kitty laura lily lizzie louisa lucy lydia margaret maria marian marianne
      martha mary matilda maud meg molly nancy nelly olivia pamela polly rachel rebecca rose ruth
      sally sarah sophia sophie susan sylvia teresa victoria violet wendy daisy kanga jo beth amy
      georgiana kitty marguerite mabel hester hetty dinah dora ida iris lavinia letitia lottie
      mildred minnie nora phoebe priscilla rosa rosamond sybil theresa winifred susanna cecilia
      augusta millicent clarissa christina wilhelmina penelope""");
}
