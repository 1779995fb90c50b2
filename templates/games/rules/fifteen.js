// Sliding puzzle rules (15-puzzle and its 3x3..5x5 cousins). tiles is a flat array of n*n numbers,
// 1..n*n-1 and 0 for the gap; solved is 1, 2, ..., n*n-1, 0. Only solvable shuffles are dealt.
// No DOM: the page and node's tests share this file.
var FifteenRules = (function () {
  'use strict';

  function solved(n) {
    var t = [];
    for (var i = 1; i < n * n; i++) t.push(i);
    t.push(0);
    return t;
  }

  function isSolved(tiles) {
    for (var i = 0; i < tiles.length - 1; i++) if (tiles[i] !== i + 1) return false;
    return tiles[tiles.length - 1] === 0;
  }

  function inversions(tiles) {
    var inv = 0;
    for (var i = 0; i < tiles.length; i++) {
      if (!tiles[i]) continue;
      for (var j = i + 1; j < tiles.length; j++) if (tiles[j] && tiles[j] < tiles[i]) inv++;
    }
    return inv;
  }

  // The classic parity test: odd width needs an even inversion count; even width needs
  // inversions + (gap's row counted from the bottom, 1-based) to be odd.
  function isSolvable(tiles, n) {
    var inv = inversions(tiles);
    if (n % 2 === 1) return inv % 2 === 0;
    var gapRowFromBottom = n - Math.floor(tiles.indexOf(0) / n);
    return (inv + gapRowFromBottom) % 2 === 1;
  }

  // A solvable, unsolved deal. easy: a random walk of the gap (closer to solved); otherwise a
  // uniformly random solvable arrangement (two tiles swapped when the parity is wrong).
  function shuffle(n, rng, difficulty) {
    var t = solved(n);
    if (difficulty === 'easy') {
      var gap = n * n - 1, prev = -1;
      for (var k = 0; k < n * n * 3 || isSolved(t); k++) {
        var nb = neighbours(n, gap).filter(function (j) { return j !== prev; });
        var j = nb[Math.floor(rng() * nb.length)];
        t[gap] = t[j]; t[j] = 0; prev = gap; gap = j;
      }
      return t;
    }
    do {
      for (var i = t.length - 1; i > 0; i--) {
        var r = Math.floor(rng() * (i + 1));
        var x = t[i]; t[i] = t[r]; t[r] = x;
      }
      if (!isSolvable(t, n)) {
        var a = t[0] && t[1] ? 0 : t.length - 2, b = a + 1;
        var y = t[a]; t[a] = t[b]; t[b] = y;
      }
    } while (isSolved(t));
    return t;
  }

  function neighbours(n, i) {
    var r = Math.floor(i / n), c = i % n, out = [];
    if (r > 0) out.push(i - n);
    if (r < n - 1) out.push(i + n);
    if (c > 0) out.push(i - 1);
    if (c < n - 1) out.push(i + 1);
    return out;
  }

  // Slide the tile at index i (and the tiles between it and the gap, when in the gap's row or
  // column) towards the gap. Returns the number of tiles moved (0 when i is not in line with the gap).
  function slide(tiles, n, i) {
    var gap = tiles.indexOf(0);
    if (i === gap || i < 0 || i >= tiles.length) return 0;
    var gr = Math.floor(gap / n), gc = gap % n, r = Math.floor(i / n), c = i % n, step;
    if (r === gr) step = c > gc ? 1 : -1;
    else if (c === gc) step = r > gr ? n : -n;
    else return 0;
    var moved = 0;
    while (gap !== i) {
      tiles[gap] = tiles[gap + step];
      gap += step;
      tiles[gap] = 0;
      moved++;
    }
    return moved;
  }

  // Arrow-key move: the tile on the far side of the gap moves in dir (left/right/up/down).
  function move(tiles, n, dir) {
    var gap = tiles.indexOf(0), r = Math.floor(gap / n), c = gap % n, from = -1;
    if (dir === 'left' && c < n - 1) from = gap + 1;
    if (dir === 'right' && c > 0) from = gap - 1;
    if (dir === 'up' && r < n - 1) from = gap + n;
    if (dir === 'down' && r > 0) from = gap - n;
    return from < 0 ? 0 : slide(tiles, n, from);
  }

  // Tiles already in their home cell (for the HUD and a progress hint).
  function inPlace(tiles) {
    var k = 0;
    for (var i = 0; i < tiles.length; i++) if (tiles[i] && tiles[i] === i + 1) k++;
    return k;
  }

  return {
    solved: solved, isSolved: isSolved, inversions: inversions, isSolvable: isSolvable, shuffle: shuffle,
    neighbours: neighbours, slide: slide, move: move, inPlace: inPlace
  };
})();
if (typeof module !== 'undefined') module.exports = FifteenRules;
