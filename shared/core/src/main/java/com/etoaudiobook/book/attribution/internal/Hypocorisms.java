package com.etoaudiobook.book.attribution.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Common English pet forms of first names ("Bill" and "Will" for William, "Lizzy" and "Betsy"
 * for Elizabeth): two first names are one when they are equal or share a formal name.
 */
final class Hypocorisms {
  private Hypocorisms() {
  }

  /**
   * Formal name, then its usual pet forms. A form that is also a name of its own (Nora, Dora,
   * Robin, Sandy, Tina) is left out: two people so named are more often two than one.
   */
  private static final String TABLE = """
      william bill billy will willie willy wills
      elizabeth eliza lizzy lizzie liz beth betsy betty bess bessie libby lisbeth
      margaret meg peggy maggie madge marge margery meggie
      robert bob bobby bobbie rob robbie bert bertie
      roberta bobbie bobby robbie bertie
      richard dick dicky rick dickon
      edward ed eddie ned neddy ted teddy
      edmund ned ed
      john jack johnny jock
      james jim jimmy jamie jem
      thomas tom tommy
      henry harry hal hank
      charles charlie charley chas
      katherine kate katie kitty kit kathy
      catherine kate katie kitty kit cathy
      katharine kate katie kitty kit
      mary molly polly mamie
      ann annie nan nancy
      anne annie nan nancy
      anna annie nan
      frances fanny frankie
      francis frank frankie
      sarah sally sadie
      dorothy dolly dot
      eleanor nell nelly nellie ellie
      helen nell nelly nellie
      susan sue susie sukey
      susanna sue susie sukey
      jane jenny jennie jeannie janey
      joseph joe joey
      samuel sam sammy
      benjamin ben benny
      frederick fred freddy freddie
      alexander alex alec
      isabella bella isa
      isabel bella isa
      theodore ted teddy theo
      theobald tibby tib theo
      patrick pat paddy
      michael mike mick mickey
      anthony tony
      antony tony
      lawrence larry
      laurence larry
      nicholas nick nicky
      christopher chris kit
      albert bert bertie
      herbert bert herb
      josephine jo josie
      louisa lou lulu
      matilda tilly
      harriet hattie hetty
      esther hetty
      rebecca becky
      caroline carrie
      reginald reggie reg
      gerald gerry
      archibald archie
      augustus gus
      david davy dave
      daniel dan danny
      peter pete
      philip phil pip
      ronald ronny ron
      timothy tim
      walter walt wat
      matthew matt
      andrew andy
      stephen steve
      abigail abby nabby
      penelope penny
      cecilia cissy
      georgiana georgie
      augusta gussie
      amelia emmy milly
      emily emmy milly
      millicent milly
      mildred milly
      clarissa clary
      theresa tess tessa
      christina chrissy
      jacob jake
      gregory greg
      jeffrey jeff
      kenneth ken kenny
      alfred alf alfie
      arthur artie
      nathaniel nat
      abraham abe
      isaac ike
      ezekiel zeke
      algernon algy
      wilfred wilf
      deborah debby
      judith judy
      virginia ginny
      constance connie
      florence flo florrie
      agnes aggie
      patricia patty tricia
      victoria vicky
      julia julie
      leonard len lenny
      montague monty
      percival percy
      valentine val
      wilhelmina mina minnie
      winifred winnie
      barbara babs babbie
      """;

  private static final Map<String, Set<String>> FORMALS = new HashMap<>();

  static {
    for (String line : TABLE.strip().split("\n")) {
      String[] w = line.strip().split("\\s+");
      FORMALS.computeIfAbsent(w[0], x -> new HashSet<>()).add(w[0]);
      for (int i = 1; i < w.length; i++) {
        FORMALS.computeIfAbsent(w[i], x -> new HashSet<>()).add(w[0]);
      }
    }
  }

  /** The formal names a pet form stands for ("ronny": ronald), or an empty set. */
  static Set<String> formalsOf(String name) {
    return FORMALS.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of());
  }

  /** "Lizzy" is a pet form of Elizabeth; "Henry" is no pet form of Harry. */
  static boolean petFormOf(String pet, String formal) {
    Set<String> f = FORMALS.get(pet.toLowerCase(Locale.ROOT));
    String l = formal.toLowerCase(Locale.ROOT);
    return f != null && !f.contains(pet.toLowerCase(Locale.ROOT)) && f.contains(l);
  }

  /** "Bill" and "William", "Bill" and "Will", "Lizzy" and "Eliza": one first name. */
  static boolean same(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    if (x.equals(y)) {
      return true;
    }
    Set<String> fx = FORMALS.get(x);
    Set<String> fy = FORMALS.get(y);
    if (fx == null || fy == null) {
      return false;
    }
    for (String f : fx) {
      if (fy.contains(f)) {
        return true;
      }
    }
    return false;
  }
}
