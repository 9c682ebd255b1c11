/*
 * Snowball Indonesian stemmer, hand-ported line by line from the Python code that Snowball 3.1.1
 * generates (snowballstemmer 3.1.1: indonesian_stemmer.py + basestemmer.py + among.py).
 * The Snowball algorithm and its generated code are BSD-licensed: https://snowballstem.org/
 * tests/search/test_stemmer_parity.py checks this file against Python on every word form it has.
 * Exposes stemIndonesian(word) as a browser global and as a CommonJS export.
 */
(function (root) {
  "use strict";

  function Among(s, substringI, result) {
    this.s = s;
    this.substring_i = substringI;
    this.result = result;
  }

  var VOWEL = { a: true, e: true, i: true, o: true, u: true };

  var a_0 = [new Among("kah", -1, 1), new Among("lah", -1, 1), new Among("pun", -1, 1)];
  var a_1 = [new Among("nya", -1, 1), new Among("ku", -1, 1), new Among("mu", -1, 1)];
  var a_2 = [new Among("i", -1, 2), new Among("an", -1, 1)];
  var a_3 = [
    new Among("di", -1, 1), new Among("ke", -1, 3), new Among("me", -1, 1),
    new Among("mem", 2, 5), new Among("men", 2, 2), new Among("meng", 4, 1),
    new Among("pem", -1, 6), new Among("pen", -1, 4), new Among("peng", 7, 3),
    new Among("ter", -1, 1)
  ];
  var a_4 = [new Among("be", -1, 2), new Among("pe", -1, 1)];

  function Stemmer(word) {
    this.current = word;
    this.cursor = 0;
    this.limit = word.length;
    this.limit_backward = 0;
    this.bra = 0;
    this.ket = this.limit;
    this.I_prefix = 0;
    this.I_measure = 0;
  }

  var S = Stemmer.prototype;

  S.in_grouping = function (g) {
    if (this.cursor >= this.limit) return false;
    if (!g[this.current.charAt(this.cursor)]) return false;
    this.cursor += 1;
    return true;
  };

  S.out_grouping = function (g) {
    if (this.cursor >= this.limit) return false;
    if (!g[this.current.charAt(this.cursor)]) {
      this.cursor += 1;
      return true;
    }
    return false;
  };

  S.go_out_grouping = function (g) {
    while (this.cursor < this.limit) {
      if (g[this.current.charAt(this.cursor)]) return true;
      this.cursor += 1;
    }
    return false;
  };

  S.eq_s = function (s) {
    if (this.limit - this.cursor < s.length) return false;
    if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length;
    return true;
  };

  S.find_among = function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit;
    var common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = common_i < common_j ? common_i : common_j;
      var w = v[k];
      for (var i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2.s.length) {
        this.cursor = c + w2.s.length;
        return w2.result;
      }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };

  S.find_among_b = function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward;
    var common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = common_i < common_j ? common_i : common_j;
      var w = v[k];
      for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2.s.length) {
        this.cursor = c - w2.s.length;
        return w2.result;
      }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };

  S.replace_s = function (c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  };

  S.slice_from = function (s) {
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  };

  S.slice_del = function () {
    this.slice_from("");
  };

  S.r_remove_particle = function () {
    this.ket = this.cursor;
    if (this.find_among_b(a_0) === 0) return false;
    this.bra = this.cursor;
    this.slice_del();
    this.I_measure -= 1;
    return true;
  };

  S.r_remove_possessive_pronoun = function () {
    this.ket = this.cursor;
    if (this.find_among_b(a_1) === 0) return false;
    this.bra = this.cursor;
    this.slice_del();
    this.I_measure -= 1;
    return true;
  };

  S.r_remove_suffix = function () {
    this.ket = this.cursor;
    var among_var = this.find_among_b(a_2);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    if (among_var === 1) {
      var v_1 = this.limit - this.cursor;
      lab0: {
        if (this.I_prefix === 3) break lab0;
        if (this.I_prefix === 2) break lab0;
        if (this.cursor <= this.limit_backward || this.current.charAt(this.cursor - 1) !== "k") break lab0;
        this.cursor -= 1;
        this.bra = this.cursor;
        return this.finish_suffix();
      }
      this.cursor = this.limit - v_1;
      if (this.I_prefix === 1) return false;
    } else {
      if (this.I_prefix > 2) return false;
      if (!(this.cursor <= this.limit_backward || this.current.charAt(this.cursor - 1) !== "s")) {
        this.cursor -= 1;
        return false;
      }
    }
    return this.finish_suffix();
  };

  S.finish_suffix = function () {
    this.slice_del();
    this.I_measure -= 1;
    return true;
  };

  // The "y + vowel → s" / "vowel → p" branches of the first-order prefix rule.
  S.prefix_then_s = function (prefixValue) {
    var v_1 = this.cursor;
    lab0: {
      if (this.cursor === this.limit || this.current.charAt(this.cursor) !== "y") break lab0;
      this.cursor += 1;
      var v_2 = this.cursor;
      if (!this.in_grouping(VOWEL)) break lab0;
      this.cursor = v_2;
      this.ket = this.cursor;
      this.slice_from("s");
      this.I_prefix = prefixValue;
      this.I_measure -= 1;
      return;
    }
    this.cursor = v_1;
    this.slice_del();
    this.I_prefix = prefixValue;
    this.I_measure -= 1;
  };

  S.prefix_then_p = function (prefixValue) {
    this.I_prefix = prefixValue;
    this.I_measure -= 1;
    var v_1 = this.cursor;
    lab0: {
      var v_2 = this.cursor;
      if (!this.in_grouping(VOWEL)) break lab0;
      this.cursor = v_2;
      this.slice_from("p");
      return;
    }
    this.cursor = v_1;
    this.slice_del();
  };

  S.r_remove_first_order_prefix = function () {
    this.bra = this.cursor;
    var among_var = this.find_among(a_3);
    if (among_var === 0) return false;
    this.ket = this.cursor;
    if (among_var === 1) {
      this.slice_del();
      this.I_prefix = 1;
      this.I_measure -= 1;
    } else if (among_var === 2) {
      this.prefix_then_s(1);
    } else if (among_var === 3) {
      this.slice_del();
      this.I_prefix = 3;
      this.I_measure -= 1;
    } else if (among_var === 4) {
      this.prefix_then_s(3);
    } else if (among_var === 5) {
      this.prefix_then_p(1);
    } else {
      this.prefix_then_p(3);
    }
    return true;
  };

  S.r_remove_second_order_prefix = function () {
    this.bra = this.cursor;
    var among_var = this.find_among(a_4);
    if (among_var === 0) return false;
    var v;
    if (among_var === 1) {
      v = this.cursor;
      found1: {
        lab_r: {
          if (this.cursor === this.limit || this.current.charAt(this.cursor) !== "r") break lab_r;
          this.cursor += 1;
          this.ket = this.cursor;
          this.I_prefix = 2;
          break found1;
        }
        this.cursor = v;
        lab_l: {
          if (this.cursor === this.limit || this.current.charAt(this.cursor) !== "l") break lab_l;
          this.cursor += 1;
          this.ket = this.cursor;
          if (!this.eq_s("ajar")) break lab_l;
          break found1;
        }
        this.cursor = v;
        this.ket = this.cursor;
        this.I_prefix = 2;
      }
    } else {
      v = this.cursor;
      found2: {
        lab_r2: {
          if (this.cursor === this.limit || this.current.charAt(this.cursor) !== "r") break lab_r2;
          this.cursor += 1;
          this.ket = this.cursor;
          break found2;
        }
        this.cursor = v;
        lab_l2: {
          if (this.cursor === this.limit || this.current.charAt(this.cursor) !== "l") break lab_l2;
          this.cursor += 1;
          this.ket = this.cursor;
          if (!this.eq_s("ajar")) break lab_l2;
          break found2;
        }
        this.cursor = v;
        this.ket = this.cursor;
        if (!this.out_grouping(VOWEL)) return false;
        if (!this.eq_s("er")) return false;
      }
      this.I_prefix = 4;
    }
    this.I_measure -= 1;
    this.slice_del();
    return true;
  };

  S.stem = function () {
    this.I_measure = 0;
    var v_1 = this.cursor;
    while (true) {
      var v_2 = this.cursor;
      if (!this.go_out_grouping(VOWEL)) {
        this.cursor = v_2;
        break;
      }
      this.cursor += 1;
      this.I_measure += 1;
    }
    this.cursor = v_1;
    if (this.I_measure <= 2) return false;
    this.I_prefix = 0;
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    var v_3 = this.limit - this.cursor;
    this.r_remove_particle();
    this.cursor = this.limit - v_3;
    if (this.I_measure <= 2) return false;
    var v_4 = this.limit - this.cursor;
    this.r_remove_possessive_pronoun();
    this.cursor = this.limit - v_4;
    this.cursor = this.limit_backward;
    if (this.I_measure <= 2) return false;
    var v_5 = this.cursor;
    var v_6 = this.cursor;
    if (this.r_remove_first_order_prefix()) {
      var v_7 = this.cursor;
      lab1: {
        var v_8 = this.cursor;
        if (this.I_measure <= 2) break lab1;
        this.limit_backward = this.cursor;
        this.cursor = this.limit;
        if (!this.r_remove_suffix()) break lab1;
        this.cursor = this.limit_backward;
        this.cursor = v_8;
        if (this.I_measure <= 2) break lab1;
        if (!this.r_remove_second_order_prefix()) break lab1;
      }
      this.cursor = v_7;
      this.cursor = v_6;
      return true;
    }
    this.cursor = v_5;
    var v_9 = this.cursor;
    this.r_remove_second_order_prefix();
    this.cursor = v_9;
    var v_10 = this.cursor;
    lab0: {
      if (this.I_measure <= 2) break lab0;
      this.limit_backward = this.cursor;
      this.cursor = this.limit;
      if (!this.r_remove_suffix()) break lab0;
      this.cursor = this.limit_backward;
    }
    this.cursor = v_10;
    return true;
  };

  function stemIndonesian(word) {
    var s = new Stemmer(word);
    s.stem();
    return s.current;
  }

  root.stemIndonesian = stemIndonesian;
  if (typeof module !== "undefined" && module.exports) module.exports = stemIndonesian;
})(typeof window !== "undefined" ? window : this);
