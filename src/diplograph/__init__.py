"""diplograph: foreign-policy documents to a knowledge graph of states, officials and acts."""

__version__ = "0.1.0"
