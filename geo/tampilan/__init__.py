"""From a dataset to one view: filter, aggregate, classify.

``keadaan`` is the view state (filters and map settings) shared by the page's URL
and the CLI; ``saring`` filters; ``agregat`` sums per unit; ``susun`` builds the
:class:`Tampilan` every figure comes from; ``kelas`` and ``metrik`` give the
choropleth's classes and metrics.
"""

__all__ = ["agregat", "grafik", "keadaan", "kelas", "metrik", "saring", "susun"]
